// 询盘 · 报价: inquiries, quotations, their versions and the order made in one step (销售 → 询盘 / 报价).
export const zh = {
  menu: { inquiries: '询盘', quotations: '报价单' },
  notice: {
    quotation_review: '报价单 {{number}}（{{customer}}）低于折扣或毛利下限，等待您审批',
    quotation_approved: '报价单 {{number}} 已获销售总监批准，可发送给客户',
    quotation_rejected: '报价单 {{number}} 被销售总监退回：{{note}}',
  },
};
