// English of ../parts/codes2.ts: fetched with the rest of English the first time someone reads in English.
export const en = {
  codes: {
    ledgerKind: {
      payment: 'Payment',
      credit_limit: 'Credit limit change',
      shipment: 'Shipment',
      correction: 'Correction',
      import: 'Import',
    },
  },
};
