import type { Db } from '../../db/database';
import type { SampleLoanStatus } from './sample.table';

function loansQuery(db: Db, companyId: string) {
  return db
    .selectFrom('sample_loans as s')
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 's.company_id').onRef('o.id', '=', 's.order_id'))
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 's.company_id').onRef('c.id', '=', 's.customer_id'),
    )
    .innerJoin('products as p', (j) => j.onRef('p.company_id', '=', 's.company_id').onRef('p.id', '=', 's.product_id'))
    .innerJoin('shipments as sh', (j) =>
      j.onRef('sh.company_id', '=', 's.company_id').onRef('sh.id', '=', 's.shipment_id'),
    )
    .select([
      's.id',
      's.order_id',
      'o.number as order_number',
      's.order_line_no',
      's.shipment_id',
      'sh.number as shipment_number',
      's.customer_id',
      'c.name as customer_name',
      's.warehouse_id',
      's.product_id',
      'p.sku',
      'p.name as product_name',
      's.qty',
      's.status',
      's.out_at',
      's.returned_at',
      's.written_off_at',
      's.reason',
    ])
    .where('s.company_id', '=', companyId);
}
export type SampleLoanRow = Awaited<ReturnType<ReturnType<typeof loansQuery>['execute']>>[number];

export function listLoans(db: Db, companyId: string, q: { status?: SampleLoanStatus; customerId?: string }) {
  let query = loansQuery(db, companyId);
  if (q.status) query = query.where('s.status', '=', q.status);
  if (q.customerId) query = query.where('s.customer_id', '=', q.customerId);
  return query.orderBy('s.out_at').orderBy('o.number').limit(500).execute();
}

export function findLoan(db: Db, companyId: string, id: string) {
  return loansQuery(db, companyId).where('s.id', '=', id).executeTakeFirst();
}

/** Locks one loan before a move. */
export function lockLoan(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('sample_loans')
    .select(['id', 'status', 'warehouse_id', 'product_id', 'qty', 'order_id'])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}
