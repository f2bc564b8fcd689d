// English of ../parts/layout.ts: fetched with the rest of English the first time someone reads in English.
export const en = {
  menuGroup: {
    work: 'Work',
    sales: 'Sales',
    review: 'Review',
    operations: 'Warehouse & logistics',
    finance: 'Finance',
    allocation: 'Allocation',
    master: 'Master data',
    system: 'System',
  },
  layout: { openMenu: 'Open menu' },
  empty: {
    default: 'Nothing here yet',
    filtered: 'Nothing matches these filters; clear them to see more',
  },
};
