// Texts that used to be hard-coded in pages (statement columns, the reason sent with a receipt reversal).
export const zh = {
  cleanup: {
    debit: '借方',
    credit: '贷方',
    balance: '余额',
    reversalReason: '冲销',
  },
};
