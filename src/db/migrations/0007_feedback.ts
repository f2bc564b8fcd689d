import { sql, type Kysely } from 'kysely';

// Feedback lifecycles checked by the database too: call-backs, complaints and return requests only hold their
// machines' states; a complaint is closed with its result and the customer's satisfaction (1–5).
const statements = [
  `alter table callbacks add constraint callbacks_status check (status in ('open', 'done'))`,
  `alter table complaints add constraint complaints_status check (status in ('open', 'resolved', 'closed'))`,
  `alter table complaints add column close_result text`,
  `alter table complaints add column satisfaction smallint check (satisfaction between 1 and 5)`,
  `alter table complaints add column closed_by uuid`,
  `alter table complaints add column closed_at timestamptz`,
  `alter table complaints add constraint complaints_closed_with_result
     check (status <> 'closed' or (close_result is not null and satisfaction is not null))`,
  `alter table return_requests add constraint return_requests_status
     check (status in ('requested', 'approved', 'rejected', 'closed'))`,
  `create index complaints_order on complaints (company_id, order_id, status)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
