// Kinds of franchisee ledger entries (src/modules/allocation/allocation.table.ts), named per language.
export const zh = {
  codes: {
    ledgerKind: {
      payment: '回款',
      credit_limit: '额度调整',
      shipment: '发货扣款',
      correction: '更正',
      import: '导入',
    },
  },
};
