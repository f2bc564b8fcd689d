// 订单档案: the archive of finished orders and each order's dossier.
export const zh = {
  archive: {
    menu: '订单档案',
    search: '订单号、客户或产品',
    empty: '还没有归档的订单：订单完成（或关闭）、收款结清且退货期已过后自动归档',
    number: '订单号',
    customer: '客户',
    products: '产品',
    total: '金额',
    finishedOn: '完成日期',
    download: '下载',
    pdf: '档案 PDF',
    zip: '全部文件',
    dossier: '档案 PDF',
    archived: '已归档',
    archivedHint: '此订单已于 {{at}} 归档，只能查看，不能再修改。',
  },
  orderPage: { event: { archive: '归档' } },
};
