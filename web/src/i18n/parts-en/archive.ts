// English of ../parts/archive.ts: fetched with the rest of English the first time someone reads in English.
export const en = {
  archive: {
    menu: 'Archive',
    search: 'Order number, customer or product',
    empty: 'No archived order yet: orders are archived once finished (or closed), paid and past the return window',
    number: 'Order No.',
    customer: 'Customer',
    products: 'Products',
    total: 'Amount',
    finishedOn: 'Finished on',
    download: 'Download',
    pdf: 'Dossier PDF',
    zip: 'All files',
    dossier: 'Dossier',
    archived: 'Archived',
    archivedHint: 'This order was archived on {{at}}: it can be read but no longer changed.',
  },
  orderPage: { event: { archive: 'Archived' } },
};
