// English of ../parts/cleanup.ts: fetched with the rest of English the first time someone reads in English.
export const en = {
  cleanup: {
    debit: 'Debit',
    credit: 'Credit',
    balance: 'Balance',
    reversalReason: 'Reversal',
  },
};
