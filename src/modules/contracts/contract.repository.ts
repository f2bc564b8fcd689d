import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db/database';
import { likePattern } from '../../lib/paging';
import type {
  ContractLinesTable,
  ContractReviewsTable,
  ContractStage,
  ContractStatus,
  ContractsTable,
} from './contract.table';

/** The next contract number of the month: HT + yyyyMM + '-' + 4 digits. */
export async function nextNumber(db: Db, companyId: string, prefix: string) {
  const r = await db
    .selectFrom('contracts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('company_id', '=', companyId)
    .where('number', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
  return `${prefix}${String(Number(r.n) + 1).padStart(4, '0')}`;
}

export async function insertContract(db: Db, row: Insertable<ContractsTable>) {
  return db.insertInto('contracts').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertLines(db: Db, rows: Insertable<ContractLinesTable>[]) {
  await db.insertInto('contract_lines').values(rows).execute();
}

export async function updateContract(db: Db, companyId: string, id: string, patch: Updateable<ContractsTable>) {
  await db.updateTable('contracts').set(patch).where('company_id', '=', companyId).where('id', '=', id).execute();
}

/** The contract row locked for the rest of the transaction: concurrent call-offs and reviews wait here. */
export function lockContract(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('contracts')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}
export type LockedContract = NonNullable<Awaited<ReturnType<typeof lockContract>>>;

function contractsQuery(db: Db, companyId: string) {
  return db
    .selectFrom('contracts as k')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 'k.company_id').onRef('c.id', '=', 'k.customer_id'),
    )
    .leftJoin('quotations as q', (j) =>
      j.onRef('q.company_id', '=', 'k.company_id').onRef('q.id', '=', 'k.quotation_id'),
    )
    .leftJoin('users as u', 'u.id', 'k.company_signed_by')
    .selectAll('k')
    .select([
      'c.name as customer_name',
      'c.code as customer_code',
      'q.number as quotation_number',
      'u.display_name as company_signed_name',
    ])
    .where('k.company_id', '=', companyId);
}
export type ContractRow = Awaited<ReturnType<ReturnType<typeof contractsQuery>['execute']>>[number];

export function findContract(db: Db, companyId: string, id: string) {
  return contractsQuery(db, companyId).where('k.id', '=', id).executeTakeFirst();
}

export async function listContracts(
  db: Db,
  companyId: string,
  f: { q?: string; status?: ContractStatus; customerId?: string; from?: string; to?: string; timeZone: string },
  page: { page: number; pageSize: number },
) {
  let query = contractsQuery(db, companyId);
  if (f.status) query = query.where('k.status', '=', f.status);
  if (f.customerId) query = query.where('k.customer_id', '=', f.customerId);
  if (f.from) query = query.where(sql<string>`(k.created_at at time zone ${f.timeZone})::date`, '>=', f.from);
  if (f.to) query = query.where(sql<string>`(k.created_at at time zone ${f.timeZone})::date`, '<=', f.to);
  if (f.q) {
    const p = likePattern(f.q);
    query = query.where((eb) =>
      eb.or([eb('k.number', 'ilike', p), eb('c.name', 'ilike', p), eb('k.customer_po', 'ilike', p)]),
    );
  }
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const items = await query
    .orderBy('k.created_at', 'desc')
    .orderBy('k.number', 'desc')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { items, total: Number(total.n) };
}

export function findLines(db: Db, companyId: string, contractId: string) {
  return db
    .selectFrom('contract_lines')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('contract_id', '=', contractId)
    .orderBy('line_no')
    .execute();
}
export type ContractLineRow = Awaited<ReturnType<typeof findLines>>[number];

export async function addCalled(db: Db, companyId: string, contractId: string, lineNo: number, qty: number) {
  await db
    .updateTable('contract_lines')
    .set((eb) => ({ called_qty: eb('called_qty', '+', qty) }))
    .where('company_id', '=', companyId)
    .where('contract_id', '=', contractId)
    .where('line_no', '=', lineNo)
    .execute();
}

/** The contract an order was called off, with the order's quantities per product; undefined for other orders. */
export async function callOffOf(db: Db, companyId: string, orderId: string) {
  const o = await db
    .selectFrom('orders')
    .select('contract_id')
    .where('company_id', '=', companyId)
    .where('id', '=', orderId)
    .executeTakeFirst();
  if (!o?.contract_id) return undefined;
  const lines = await db
    .selectFrom('order_lines')
    .select(['product_id', 'qty'])
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .orderBy('line_no')
    .execute();
  return { contractId: o.contract_id, lines };
}

export async function insertReview(db: Db, row: Insertable<ContractReviewsTable>) {
  await db.insertInto('contract_reviews').values(row).execute();
}

export async function decideReview(
  db: Db,
  k: { companyId: string; contractId: string; round: number; stage: ContractStage },
  patch: Updateable<ContractReviewsTable>,
) {
  await db
    .updateTable('contract_reviews')
    .set(patch)
    .where('company_id', '=', k.companyId)
    .where('contract_id', '=', k.contractId)
    .where('round', '=', k.round)
    .where('stage', '=', k.stage)
    .execute();
}

export function findReviews(db: Db, companyId: string, contractId: string) {
  return db
    .selectFrom('contract_reviews as r')
    .leftJoin('users as u', 'u.id', 'r.decided_by')
    .selectAll('r')
    .select('u.display_name as decided_by_name')
    .where('r.company_id', '=', companyId)
    .where('r.contract_id', '=', contractId)
    .orderBy('r.round')
    .orderBy(sql`array_position(array['legal', 'finance', 'gm'], r.stage)`)
    .execute();
}

/** Marks an order as a call-off of the contract. */
export async function linkOrder(db: Db, companyId: string, orderId: string, contractId: string) {
  await db
    .updateTable('orders')
    .set({ contract_id: contractId })
    .where('company_id', '=', companyId)
    .where('id', '=', orderId)
    .execute();
}

/** The contract's call-off orders with what each was ordered, shipped and paid. */
export async function performance(db: Db, companyId: string, contractId: string) {
  const r = await sql<{ id: string; number: string; status: string; ordered: string; shipped: string; paid: string }>`
    select o.id, o.number, o.status, o.total as ordered,
      coalesce((select sum(sl.qty * ol.unit_price) from shipment_lines sl
         join shipments s on s.company_id = sl.company_id and s.id = sl.shipment_id
         join order_lines ol on ol.company_id = sl.company_id and ol.order_id = sl.order_id
           and ol.line_no = sl.order_line_no
         where sl.company_id = o.company_id and sl.order_id = o.id
           and s.status in ('shipped', 'delivered')), 0)::numeric(18,2)
        as shipped,
      coalesce((select sum(ra.amount) from receipt_applications ra
         where ra.company_id = o.company_id and ra.order_id = o.id), 0)::numeric(18,2) as paid
    from orders o
    where o.company_id = ${companyId} and o.contract_id = ${contractId} and o.status <> 'cancelled'
    order by o.number`.execute(db);
  return r.rows;
}
