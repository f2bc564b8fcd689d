// 外贸订单: currency and rate, trade terms, L/C and inspections, the new payment methods and role.
export const zh = {
  enums: {
    paymentMethod: { dp: '付款交单 D/P', da: '承兑交单 D/A', open_account: '赊销 O/A' },
    role: { documents_clerk: '单证员' },
  },
  notice: { inspection_not_booked: '外贸订单 {{number}} 将于 {{shipBy}} 出货，尚未预约验货' },
  exportOrder: {
    section: '外贸 / Export',
    isExport: '外贸订单',
    currency: '币种',
    rate: '汇率（人民币/单位）',
    rateNote: '保存后按订单日期取汇率',
    tradeTerm: '贸易术语',
    portOfLoading: '装运港',
    portOfDestination: '目的港',
    containerType: '柜型',
    containerCount: '柜数',
    amount: '{{currency}} {{amount}}',
    rmbTotal: '折合人民币',
  },
};

export const en = {
  enums: {
    paymentMethod: {
      dp: 'Documents against payment (D/P)',
      da: 'Documents against acceptance (D/A)',
      open_account: 'Open account',
    },
    role: { documents_clerk: 'Documents clerk' },
  },
  notice: { inspection_not_booked: 'Export order {{number}} ships on {{shipBy}} and no inspection is booked' },
  exportOrder: {
    section: 'Export',
    isExport: 'Export order',
    currency: 'Currency',
    rate: 'Rate (RMB per unit)',
    rateNote: 'Taken for the order date when saved',
    tradeTerm: 'Trade term',
    portOfLoading: 'Port of loading',
    portOfDestination: 'Port of destination',
    containerType: 'Container type',
    containerCount: 'Containers',
    amount: '{{currency}} {{amount}}',
    rmbTotal: 'RMB equivalent',
  },
};
