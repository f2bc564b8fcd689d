// English of ../parts/quotations.ts: fetched with the rest of English the first time someone reads in English.
export const en = {
  menu: { inquiries: 'Inquiries', quotations: 'Quotations' },
  notice: {
    quotation_review:
      'Quotation {{number}} ({{customer}}) is under the discount or margin limits and awaits your approval',
    quotation_approved: 'Quotation {{number}} was approved by the sales director: it can be sent',
    quotation_rejected: 'Quotation {{number}} was sent back by the sales director: {{note}}',
  },
};
