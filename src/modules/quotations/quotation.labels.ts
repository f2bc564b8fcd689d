import type { MachineLabels } from '../../lib/state-machine';
import type { InquiryStatus, QuotationStatus } from './quotation.table';
import type { InquiryEvent, QuotationEvent } from './quotation.machine';

/** Names of the states and events in the user's language (messages, documents, exports). */
export const quotationLabels: MachineLabels<QuotationStatus, QuotationEvent> = {
  states: {
    draft: { zh: '草稿', en: 'Draft' },
    in_review: { zh: '待总监审批', en: 'Awaiting director' },
    approved: { zh: '已批准', en: 'Approved' },
    sent: { zh: '已发送', en: 'Sent' },
    accepted: { zh: '已接受', en: 'Accepted' },
    declined: { zh: '已拒绝', en: 'Declined' },
    expired: { zh: '已过期', en: 'Expired' },
  },
  events: {
    submit: { zh: '提交审批', en: 'submit for approval' },
    approve: { zh: '批准', en: 'approve' },
    reject: { zh: '退回', en: 'reject' },
    send: { zh: '发送', en: 'send' },
    accept: { zh: '客户接受', en: 'accept' },
    decline: { zh: '客户拒绝', en: 'decline' },
    expire: { zh: '过期', en: 'expire' },
    revise: { zh: '修订', en: 'revise' },
  },
};

export const inquiryLabels: MachineLabels<InquiryStatus, InquiryEvent> = {
  states: {
    open: { zh: '待报价', en: 'Open' },
    quoted: { zh: '已报价', en: 'Quoted' },
    declined: { zh: '已婉拒', en: 'Declined' },
  },
  events: {
    quote: { zh: '报价', en: 'quote' },
    decline: { zh: '婉拒', en: 'decline' },
  },
};
