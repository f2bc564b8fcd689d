// What to do next on an empty master-data or allocation list.
export const zh = {
  emptyHint: {
    customers: '还没有客户，点击 新建 或 导入 Excel',
    customersReadOnly: '还没有客户，请联系销售内勤登记',
    products: '还没有产品，点击 新建 或 导入 Excel',
    productsReadOnly: '还没有产品，请联系销售内勤登记',
    warehouses: '还没有仓库，点击 新建 添加第一个仓库',
    users: '还没有其他用户，点击 新建 添加',
    stores: '还没有门店，点击 新建门店 添加',
    franchisees: '还没有加盟商；在客户中把类型设为 加盟 即出现在这里',
    reservations: '没有此状态的预留；分货给未付款的加盟商时会生成预留',
    samples: '没有此状态的样机',
    prepRequests: '还没有备货 · 备料申请，点击 新建 提交第一张',
    production: '没有生产申请；订单缺货需要生产时会出现在这里',
    allocation: '选择到货或全部可用库存，点击 预览 查看分货结果',
  },
};
export const en = {
  emptyHint: {
    customers: 'No customers yet: click New or import an Excel file',
    customersReadOnly: 'No customers yet: ask the order desk to register them',
    products: 'No products yet: click New or import an Excel file',
    productsReadOnly: 'No products yet: ask the order desk to register them',
    warehouses: 'No warehouses yet: click New to add the first one',
    users: 'No other users yet: click New to add one',
    stores: 'No stores yet: click New store to add one',
    franchisees: 'No franchisees yet: a customer of kind Franchisee shows up here',
    reservations: 'No reservations with this status; allocating to an unpaid franchisee creates them',
    samples: 'No samples with this status',
    prepRequests: 'No prep requests yet: click New to file the first one',
    production: 'No production requests; an order short of stock that needs production shows up here',
    allocation: 'Choose a receipt or all available stock, then click Preview to see the allocation',
  },
};
