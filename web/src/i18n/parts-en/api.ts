// English of ../parts/api.ts: fetched with the rest of English the first time someone reads in English.
export const en = {
  emptyHint: {
    customers: 'No customers yet: click New or import an Excel file',
    customersReadOnly: 'No customers yet: ask the order desk to register them',
    products: 'No products yet: click New or import an Excel file',
    productsReadOnly: 'No products yet: ask the order desk to register them',
    warehouses: 'No warehouses yet: click New to add the first one',
    users: 'No other users yet: click New to add one',
    stores: 'No stores yet: click New store to add one',
    franchisees: 'No franchisees yet: a customer of kind Franchisee shows up here',
    reservations: 'No reservations with this status; allocating to an unpaid franchisee creates them',
    samples: 'No samples with this status',
    prepRequests: 'No prep requests yet: click New to file the first one',
    production: 'No production requests; an order short of stock that needs production shows up here',
    allocation: 'Choose a receipt or all available stock, then click Preview to see the allocation',
  },
};
