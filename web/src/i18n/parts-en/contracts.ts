// English of ../parts/contracts.ts: fetched with the rest of English the first time someone reads in English.
export const en = {
  menu: { contracts: 'Contracts', contractClauses: 'Contract clauses' },
};
