// 客户价格: the texts of the customer's price drawer, added when it loads (addTexts).
export const zh = {
  customerPrices: {
    title: '客户价格',
    open: '价格',
    discountPercent: '客户折扣（%）',
    discountHint: '无有效客户价时，按价目表价减此折扣',
    product: '产品',
    price: '客户价',
    currency: '币种',
    validFrom: '生效日期',
    validTo: '失效日期',
    listPrice: '价目表价',
    addPrice: '添加价格',
    save: '保存',
    export: '导出 Excel',
    readOnly: '客户价格由销售总监维护',
    empty: '尚无客户价格：报价与订单按价目表价（减客户折扣）计价',
  },
};

export const en = {
  customerPrices: {
    title: 'Customer prices',
    open: 'Prices',
    discountPercent: 'Customer discount (%)',
    discountHint: 'Without a valid customer price, the list price less this discount',
    product: 'Product',
    price: 'Customer price',
    currency: 'Currency',
    validFrom: 'Valid from',
    validTo: 'Valid to',
    listPrice: 'List price',
    addPrice: 'Add a price',
    save: 'Save',
    export: 'Export to Excel',
    readOnly: 'Customer prices are kept by the sales director',
    empty: 'No customer prices yet: quotations and orders use the list price (less the customer discount)',
  },
};
