// 销售合同: contracts, their review stages, signing and call-off orders (销售 → 合同).
export const zh = {
  menu: { contracts: '合同', contractClauses: '合同条款模板' },
  stage: { legal: '法务审核' },
  notice: {
    contract_review: '销售合同 {{number}}（{{customer}}）等待您审批（{{stage}}）',
    contract_rejected: '销售合同 {{number}} 被退回：{{reason}}',
    contract_approved: '销售合同 {{number}} 已审批通过，可以签订',
    contract_signed: '销售合同 {{number}}（{{customer}}）已签订',
  },
};

export const en = {
  menu: { contracts: 'Contracts', contractClauses: 'Contract clauses' },
  stage: { legal: 'Legal review' },
  notice: {
    contract_review: 'Contract {{number}} ({{customer}}) awaits your decision: {{stage}}',
    contract_rejected: 'Contract {{number}} was sent back: {{reason}}',
    contract_approved: 'Contract {{number}} is approved and can be signed',
    contract_signed: 'Contract {{number}} ({{customer}}) is signed',
  },
};
