import { sql, type Kysely } from 'kysely';

// The 工作台 counts at a million orders, each index named with the count whose plan uses it (workbench/):
// - orders_mine_open (company_id, registrar_id, status) for drafts and rejected orders: a salesperson's "my drafts"
//   and "my rejected" count their own, where the status index alone visits every rejected order of the company
//   (rejected orders stay rejected, so they pile up with the years).
// - customer_receipts_received (company_id, received_on) with the amount: the managers' money received this month
//   reads the month's receipts, not every receipt the company ever had.
// - complaints_open (company_id, due_at, id) for open complaints: customer service's and the order admin's open
//   complaints, in the list's order, without reading the closed ones of every year.
// - return_requests_status (company_id, status, created_at): returns to review, receive or refund, each card's list
//   by status, newest first, without reading every return the company had.
// - order_balances_overdue (company_id, first outstanding due date) of open balances: finance's count of overdue
//   receivables reads only the orders with one past due, not every order with something left to pay (the due
//   dates are kept in order, so the first is the earliest).
const statements = [
  `create index orders_mine_open on orders (company_id, registrar_id, status) where status in ('draft', 'rejected')`,
  `create index customer_receipts_received on customer_receipts (company_id, received_on) include (amount)`,
  `create index complaints_open on complaints (company_id, due_at, id) where status = 'open'`,
  `create index order_balances_overdue on order_balances (company_id, (outstanding_due[1])) where open`,
  `create index return_requests_status on return_requests (company_id, status, created_at)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
