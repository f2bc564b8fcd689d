import { defineMachine, statusColumn, type Guard } from '../../lib/state-machine';
import type { InquiryStatus, QuotationStatus } from './quotation.table';
import { inquiryLabels, quotationLabels } from './quotation.labels';

export type QuotationEvent = 'submit' | 'approve' | 'reject' | 'send' | 'accept' | 'decline' | 'expire' | 'revise';
export type InquiryEvent = 'quote' | 'decline';

/** Facts the guards look at: why the director must approve (none: within limits), validity and today. */
export type QuotationGuardContext = {
  approvalReasons: readonly string[];
  validUntil: string;
  today: string;
  /** Lines still an inquiry's free description (number and text): none may be submitted or sent. */
  unmatched?: readonly { line: number; description: string }[];
};

/** A price under the allowed discount or a margin under the minimum goes to the sales director first. */
export const approvalNeeded: Guard<QuotationGuardContext> = (c) =>
  c.approvalReasons.length > 0 ? undefined : 'QUOTATION.APPROVAL_NOT_NEEDED';
export const withinLimits: Guard<QuotationGuardContext> = (c) =>
  c.approvalReasons.length === 0 ? undefined : 'QUOTATION.APPROVAL_NEEDED';
/** Every line names a product before the quotation goes to the director or the customer. */
export const allMatched: Guard<QuotationGuardContext> = (c) => {
  const first = c.unmatched?.[0];
  return first ? { code: 'QUOTATION.LINE_UNMATCHED', params: first } : undefined;
};
/** A quotation is sent and accepted within its validity (the day itself included). */
export const stillValid: Guard<QuotationGuardContext> = (c) =>
  c.today <= c.validUntil ? undefined : { code: 'QUOTATION.EXPIRED', params: { validUntil: c.validUntil } };

const SALES = ['sales_assistant'];
const DIRECTORS = ['sales_director'];

// 报价单生命周期: draft → (in_review → approved, only when the director must approve) → sent → accepted, declined
// or expired. A revision makes a new version and starts again from draft.
export const quotationMachine = defineMachine<QuotationStatus, QuotationEvent, QuotationGuardContext>({
  entity: 'quotation',
  labels: quotationLabels,
  store: statusColumn('quotations', { stamp: { at: 'updated_at', by: 'updated_by' } }),
  publish: { accept: 'quotation.accepted' },
  initial: 'draft',
  states: ['draft', 'in_review', 'approved', 'sent', 'accepted', 'declined', 'expired'],
  transitions: [
    { from: ['draft'], event: 'submit', to: 'in_review', roles: SALES, guards: [allMatched, approvalNeeded] },
    { from: ['in_review'], event: 'approve', to: 'approved', roles: DIRECTORS },
    { from: ['in_review'], event: 'reject', to: 'draft', roles: DIRECTORS },
    { from: ['draft'], event: 'send', to: 'sent', roles: SALES, guards: [allMatched, withinLimits, stillValid] },
    { from: ['approved'], event: 'send', to: 'sent', roles: SALES, guards: [stillValid] },
    { from: ['sent'], event: 'accept', to: 'accepted', roles: SALES, guards: [stillValid] },
    { from: ['sent'], event: 'decline', to: 'declined', roles: SALES },
    { from: ['sent'], event: 'expire', to: 'expired', roles: ['system'] },
    { from: ['draft', 'in_review', 'approved', 'sent'], event: 'revise', to: 'draft', roles: SALES },
  ],
});

export const QUOTATION_STATES = quotationMachine.states;

/** 询盘: open until answered by a quotation or declined with a reason. */
export const inquiryMachine = defineMachine<InquiryStatus, InquiryEvent, unknown>({
  entity: 'inquiry',
  labels: inquiryLabels,
  store: statusColumn('inquiries'),
  initial: 'open',
  states: ['open', 'quoted', 'declined'],
  transitions: [
    { from: ['open', 'quoted'], event: 'quote', to: 'quoted', roles: ['sales_assistant'] },
    { from: ['open'], event: 'decline', to: 'declined', roles: ['sales_assistant'] },
  ],
});

export const INQUIRY_STATES = inquiryMachine.states;
