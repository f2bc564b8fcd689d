// 逾期利息: the customer's daily rate on overdue receivables and its statement lines (added with the customer form
// and the statement tab).
export const zh = {
  overdueInterest: {
    rate: '逾期日利率（万分之）',
    rateHint: '按日计息：5 即每日万分之五（0.05%）；0 不计息。对账单上单列，不改变原应收。',
    line: '逾期利息',
    basis: '¥{{amount}} × {{days}} 天 × {{rate}}%/日',
    total: '逾期利息合计',
    closingWithInterest: '含逾期利息余额',
  },
};

export const en: typeof zh = {
  overdueInterest: {
    rate: 'Overdue interest (bp a day)',
    rateHint:
      'Charged per day: 5 means 0.05 % a day; 0 charges none. ' +
      'Shown on the statement as its own lines; receivables are never changed.',
    line: 'Overdue interest',
    basis: '¥{{amount}} × {{days}} days × {{rate}}%/day',
    total: 'Overdue interest',
    closingWithInterest: 'Closing with interest',
  },
};
