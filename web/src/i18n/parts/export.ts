// 外贸订单: currency and rate, trade terms, L/C and inspections, the new payment methods and role.
export const zh = {
  menu: { export: '外贸' },
  enums: {
    paymentMethod: { dp: '付款交单 D/P', da: '承兑交单 D/A', open_account: '赊销 O/A' },
    role: { documents_clerk: '单证员' },
  },
  notice: { inspection_not_booked: '外贸订单 {{number}} 将于 {{shipBy}} 出货，尚未预约验货' },
};
