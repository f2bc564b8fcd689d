// The company's order sheet as a user fills it in: the Chinese headers of the import template, in its order.
// Tests and the import bench build their files with these, so a renamed template column fails them.
export const ORDER_SHEET_HEADER = [
  '外部单号',
  '客户编码',
  '产品编码',
  '数量',
  '单价',
  '要求交期',
  '收货地址',
  '收货人',
  '收货电话',
  '备注',
];
