// 销售合同 notices (a review stage starts; the drafter hears of a rejection, the approval, the signing), added
// with the pages that list notices so the first page's script stays small.
export const zh = {
  stage: { legal: '法务审核' },
  notice: {
    contract_review: '销售合同 {{number}}（{{customer}}）等待您审批（{{stage}}）',
    contract_rejected: '销售合同 {{number}} 被退回：{{reason}}',
    contract_approved: '销售合同 {{number}} 已审批通过，可以签订',
    contract_signed: '销售合同 {{number}}（{{customer}}）已签订',
  },
};

export const en = {
  stage: { legal: 'Legal review' },
  notice: {
    contract_review: 'Contract {{number}} ({{customer}}) awaits your decision: {{stage}}',
    contract_rejected: 'Contract {{number}} was sent back: {{reason}}',
    contract_approved: 'Contract {{number}} is approved and can be signed',
    contract_signed: 'Contract {{number}} ({{customer}}) is signed',
  },
};
