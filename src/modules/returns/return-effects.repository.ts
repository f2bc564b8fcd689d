import type { Db } from '../../db/database';

// The money and goods side of a return: quarantine (隔离区), return credits, receipts to refund from, red-letter
// invoice records. Queries only; the use cases are in inspect-return.ts and refund-return.ts.

/** 隔离区: a movement and its balance, in the caller's transaction. */
export async function postQuarantine(
  db: Db,
  m: {
    companyId: string;
    warehouseId: string;
    productId: string;
    qty: number;
    reference: string;
    returnId: string;
    actorId: string;
    at: Date;
  },
) {
  await db
    .insertInto('quarantine_balances')
    .values({ company_id: m.companyId, warehouse_id: m.warehouseId, product_id: m.productId, qty: m.qty })
    .onConflict((oc) =>
      oc.columns(['company_id', 'warehouse_id', 'product_id']).doUpdateSet((eb) => ({
        qty: eb('quarantine_balances.qty', '+', eb.ref('excluded.qty')),
      })),
    )
    .execute();
  await db
    .insertInto('quarantine_movements')
    .values({
      company_id: m.companyId,
      warehouse_id: m.warehouseId,
      product_id: m.productId,
      qty_delta: m.qty,
      reason: 'return_defective',
      reference: m.reference,
      return_id: m.returnId,
      actor_id: m.actorId,
      at: m.at,
    })
    .execute();
}

/** The order's invoice, the newest when there are several. */
export function invoiceOfOrder(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('invoices')
    .select(['id', 'number', 'amount'])
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertInvoiceReversal(
  db: Db,
  row: {
    company_id: string;
    invoice_id: string;
    return_id: string;
    red_letter_number: string;
    amount: string;
    issued_on: string;
    created_by: string;
  },
) {
  return (await db.insertInto('invoice_reversals').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function invoiceReversal(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('invoice_reversals as v')
    .innerJoin('invoices as i', (j) => j.onRef('i.company_id', '=', 'v.company_id').onRef('i.id', '=', 'v.invoice_id'))
    .select(['v.id', 'v.red_letter_number', 'v.amount', 'v.issued_on', 'i.number as invoice_number'])
    .where('v.company_id', '=', companyId)
    .where('v.id', '=', id)
    .executeTakeFirst();
}

/** 退货冲减: a negative receivable that lowers what the order owes (counted with allowances in settlementOf). */
export async function insertReturnCredit(
  db: Db,
  row: { company_id: string; customer_id: string; order_id: string; amount: string; due_date: string },
) {
  await db
    .insertInto('receivables')
    .values({ ...row, kind: 'return_credit', shipment_id: null, period: null })
    .execute();
}

/** The receipts applied to the order, newest first, with what each still has applied to it. */
export function receiptsAppliedTo(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('receipt_applications')
    .select((eb) => ['receipt_id', eb.fn.sum<string>('amount').as('applied')])
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .groupBy('receipt_id')
    .having((eb) => eb.fn.sum('amount'), '>', 0)
    .orderBy((eb) => eb.fn.max('created_at'), 'desc')
    .execute();
}

/** 隔离区 balances with their product and warehouse, non-zero only. */
export function listQuarantine(db: Db, companyId: string, warehouseId?: string) {
  let q = db
    .selectFrom('quarantine_balances as q')
    .innerJoin('products as p', (j) => j.onRef('p.company_id', '=', 'q.company_id').onRef('p.id', '=', 'q.product_id'))
    .innerJoin('warehouses as w', (j) =>
      j.onRef('w.company_id', '=', 'q.company_id').onRef('w.id', '=', 'q.warehouse_id'),
    )
    .select(['q.warehouse_id', 'w.code as warehouse_code', 'q.product_id', 'p.sku', 'p.name', 'q.qty'])
    .where('q.company_id', '=', companyId)
    .where('q.qty', '>', 0);
  if (warehouseId) q = q.where('q.warehouse_id', '=', warehouseId);
  return q.orderBy('w.code').orderBy('p.sku').execute();
}

export async function redLetterTaken(db: Db, companyId: string, number: string) {
  return !!(await db
    .selectFrom('invoice_reversals')
    .select('id')
    .where('company_id', '=', companyId)
    .where('red_letter_number', '=', number)
    .executeTakeFirst());
}
