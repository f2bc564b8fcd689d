import type { Messages } from './zh-CN';

export const en: Messages = {
  app: { name: 'Luyue', tagline: 'Sales order management' },
  menu: { home: 'Home', customers: 'Customers', products: 'Products', warehouses: 'Warehouses', stock: 'Stock', users: 'Users & roles', docs: 'API docs' },
  common: {
    search: 'Search', create: 'New', edit: 'Edit', save: 'Save', cancel: 'Cancel', export: 'Export Excel', import: 'Import Excel', actions: 'Actions',
    active: 'Active', inactive: 'Inactive', deactivate: 'Deactivate', activate: 'Activate', yes: 'Yes', no: 'No', logout: 'Log out', language: '中文',
    company: 'Company', saved: 'Saved', total: '{{total}} in all', importDone: '{{count}} imported', importFailed: 'Import failed; nothing was imported',
    row: 'Row', column: 'Column', message: 'Message', all: 'All', loading: 'Loading…', welcome: 'Welcome, {{name}}',
  },
  login: { title: 'Log in', username: 'Username', password: 'Password', submit: 'Log in', demo: 'Demo login: admin / demo1234' },
  home: { roles: 'Your roles', shortcuts: 'Shortcuts' },
  customer: {
    code: 'Code', shortCode: 'Short code', name: 'Name', kind: 'Kind', region: 'Region', paymentMethod: 'Payment method', paymentDays: 'Terms (days)',
    creditLimit: 'Credit limit (CNY)', priority: 'Priority', contacts: 'Contacts', addresses: 'Delivery addresses', remark: 'Remark', documents: 'Qualification documents',
    contactName: 'Name', contactTitle: 'Title', phone: 'Phone', idNumber: 'ID number', consignee: 'Consignee', address: 'Address', addContact: 'Add contact',
    addAddress: 'Add address', upload: 'Upload file', newTitle: 'New customer', editTitle: 'Edit customer',
  },
  product: { sku: 'SKU', name: 'Name', spec: 'Spec / model', unit: 'Unit', listPrice: 'List price (CNY)', standardCost: 'Standard cost (CNY)', seasonal: 'Seasonal', launchPriority: 'Launch priority', newTitle: 'New product', editTitle: 'Edit product' },
  warehouse: { code: 'Code', name: 'Name', kind: 'Kind', address: 'Address', newTitle: 'New warehouse', editTitle: 'Edit warehouse' },
  stock: {
    balances: 'Balances', movements: 'Movements', receipt: 'Goods receipt', adjustment: 'Adjustment', warehouse: 'Warehouse', product: 'Product', onHand: 'On hand',
    reserved: 'Reserved', available: 'Available', qty: 'Quantity', delta: 'Change (negative to reduce)', reason: 'Reason', reference: 'Reference', at: 'Time', kind: 'Kind',
    by: 'By', onHandDelta: 'On hand Δ', reservedDelta: 'Reserved Δ', addLine: 'Add line', posted: 'Posted',
  },
  user: { username: 'Username', displayName: 'Name', password: 'Password', roles: 'Roles', newTitle: 'New user', editTitle: 'Edit user', newPassword: 'New password (blank keeps it)' },
  enums: {
    customerKind: { ordinary: 'Ordinary', franchisee: 'Franchisee', direct: 'Direct', joint: 'Joint venture' },
    paymentMethod: { prepaid: 'Prepaid', credit: 'Credit terms', tt: 'T/T deposit + balance', lc: 'Letter of credit', monthly: 'Monthly settlement', cod: 'Cash on delivery' },
    warehouseKind: { central: 'Central', regional: 'Regional', other: 'Other' },
    movementKind: { receipt: 'Receipt', reserve: 'Reserve', release: 'Release', issue: 'Issue', return: 'Return', adjust: 'Adjust' },
    role: {
      sales_assistant: 'Sales assistant', reviewer: 'Order reviewer', sales_director: 'Sales director', general_manager: 'General manager', finance: 'Finance',
      production_planner: 'Production planner', order_admin: 'Order administrator', warehouse: 'Warehouse', logistics: 'Logistics', customer_service: 'Customer service',
      allocation_planner: 'Allocation planner', admin: 'Administrator',
    },
  },
};
