import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { formatMoney, parseMoney } from '../../lib/money';
import type { Actor } from '../auth/auth.service';

// Receipts (收款) and their application to orders. Nothing is edited or deleted: a correction is a
// reversing receipt, unapplying is a negative application. What is not applied is the customer's balance.

const sumText = (v: string | null) => parseMoney(v ?? '0');

export async function orderPaid(db: Db, companyId: string, orderId: string): Promise<bigint> {
  const r = await sql<{
    s: string | null;
  }>`select sum(amount)::text as s from receipt_applications where company_id = ${companyId} and order_id = ${orderId}`.execute(
    db,
  );
  return sumText(r.rows[0].s);
}

async function receiptUnapplied(db: Db, companyId: string, receiptId: string) {
  const r = await sql<{ amount: string; applied: string | null }>`
    select r.amount::text, (select sum(a.amount)::text from receipt_applications a where a.company_id = r.company_id and a.receipt_id = r.id) as applied
    from customer_receipts r where r.company_id = ${companyId} and r.id = ${receiptId}`.execute(db);
  return parseMoney(r.rows[0].amount) - sumText(r.rows[0].applied);
}

/** The customer's unapplied money (预收/余额): receipts minus applications. */
export async function customerBalance(db: Db, companyId: string, customerId: string): Promise<bigint> {
  const r = await sql<{ received: string | null; applied: string | null }>`
    select (select sum(amount)::text from customer_receipts where company_id = ${companyId} and customer_id = ${customerId}) as received,
           (select sum(a.amount)::text from receipt_applications a join customer_receipts r on r.company_id = a.company_id and r.id = a.receipt_id
             where a.company_id = ${companyId} and r.customer_id = ${customerId}) as applied`.execute(db);
  return sumText(r.rows[0].received) - sumText(r.rows[0].applied);
}

export async function applyReceipt(db: Db, actor: Actor, receiptId: string, a: { orderId: string; amount: string }) {
  const receipt = await db
    .selectFrom('customer_receipts')
    .select(['customer_id', 'reverses_id'])
    .where('company_id', '=', actor.companyId)
    .where('id', '=', receiptId)
    .forUpdate()
    .executeTakeFirst();
  if (!receipt) throw new AppError('RECEIPT.NOT_FOUND');
  const order = await db
    .selectFrom('orders')
    .select(['customer_id', 'total'])
    .where('company_id', '=', actor.companyId)
    .where('id', '=', a.orderId)
    .forUpdate()
    .executeTakeFirst();
  if (!order) throw new AppError('ORDER.NOT_FOUND');
  if (order.customer_id !== receipt.customer_id) throw new AppError('RECEIPT.WRONG_CUSTOMER');
  const amount = parseMoney(a.amount);
  const available = await receiptUnapplied(db, actor.companyId, receiptId);
  if (amount > available) throw new AppError('RECEIPT.OVER_APPLIED', { available: formatMoney(available) });
  const paid = await orderPaid(db, actor.companyId, a.orderId);
  if (amount < 0n && -amount > paid) throw new AppError('RECEIPT.OVER_APPLIED', { available: formatMoney(paid) });
  // Overpayment is the customer's balance (预收), never an order paid beyond its total.
  if (amount > 0n && paid + amount > parseMoney(order.total))
    throw new AppError('RECEIPT.OVER_ORDER', { owed: formatMoney(parseMoney(order.total) - paid) });
  await db
    .insertInto('receipt_applications')
    .values({
      company_id: actor.companyId,
      receipt_id: receiptId,
      order_id: a.orderId,
      amount: formatMoney(amount),
      created_by: actor.userId,
    })
    .execute();
}

export async function recordReceipt(
  db: Db,
  actor: Actor,
  input: {
    customerId: string;
    amount: string;
    receivedOn: string;
    method: string;
    reference: string;
    applications: { orderId: string; amount: string }[];
  },
) {
  const customer = await db
    .selectFrom('customers')
    .select('id')
    .where('company_id', '=', actor.companyId)
    .where('id', '=', input.customerId)
    .executeTakeFirst();
  if (!customer) throw new AppError('CUSTOMER.NOT_FOUND');
  const r = await db
    .insertInto('customer_receipts')
    .values({
      company_id: actor.companyId,
      customer_id: input.customerId,
      amount: input.amount,
      received_on: input.receivedOn,
      method: input.method,
      reference: input.reference,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const a of input.applications) await applyReceipt(db, actor, r.id, a);
  return getReceipt(db, actor, r.id);
}

/** 冲销: a receipt entered wrongly is reversed by its negative twin; its applications are undone the same way. */
export async function reverseReceipt(db: Db, actor: Actor, id: string, reason: string) {
  const original = await db
    .selectFrom('customer_receipts')
    .selectAll()
    .where('company_id', '=', actor.companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!original) throw new AppError('RECEIPT.NOT_FOUND');
  const already = await db
    .selectFrom('customer_receipts')
    .select('id')
    .where('company_id', '=', actor.companyId)
    .where('reverses_id', '=', id)
    .executeTakeFirst();
  if (already || original.reverses_id) throw new AppError('RECEIPT.ALREADY_REVERSED');
  const reversal = await db
    .insertInto('customer_receipts')
    .values({
      company_id: actor.companyId,
      customer_id: original.customer_id,
      amount: formatMoney(-parseMoney(original.amount)),
      received_on: original.received_on,
      method: original.method,
      reference: `冲销 Reversal: ${reason}`.slice(0, 200),
      reverses_id: id,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const applied = await sql<{
    order_id: string;
    s: string;
  }>`select order_id, sum(amount)::text as s from receipt_applications where company_id = ${actor.companyId} and receipt_id = ${id} group by order_id having sum(amount) <> 0`.execute(
    db,
  );
  for (const a of applied.rows) {
    await db
      .insertInto('receipt_applications')
      .values({
        company_id: actor.companyId,
        receipt_id: id,
        order_id: a.order_id,
        amount: formatMoney(-parseMoney(a.s)),
        created_by: actor.userId,
      })
      .execute();
  }
  return getReceipt(db, actor, reversal.id);
}

export async function getReceipt(db: Db, actor: Actor, id: string) {
  const r = await db
    .selectFrom('customer_receipts as r')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 'r.company_id').onRef('c.id', '=', 'r.customer_id'),
    )
    .select([
      'r.id',
      'r.customer_id',
      'c.name as customer_name',
      'r.amount',
      'r.received_on',
      'r.method',
      'r.reference',
      'r.reverses_id',
      'r.created_at',
    ])
    .where('r.company_id', '=', actor.companyId)
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!r) throw new AppError('RECEIPT.NOT_FOUND');
  const applications = await db
    .selectFrom('receipt_applications as a')
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'a.company_id').onRef('o.id', '=', 'a.order_id'))
    .select(['a.order_id', 'o.number', 'a.amount', 'a.created_at'])
    .where('a.company_id', '=', actor.companyId)
    .where('a.receipt_id', '=', id)
    .orderBy('a.id')
    .execute();
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    amount: r.amount,
    receivedOn: r.received_on,
    method: r.method,
    reference: r.reference,
    reversesId: r.reverses_id,
    unapplied: formatMoney(await receiptUnapplied(db, actor.companyId, id)),
    applications: applications.map((a) => ({
      orderId: a.order_id,
      orderNumber: a.number,
      amount: a.amount,
      at: a.created_at,
    })),
  };
}

export async function listReceipts(db: Db, actor: Actor, customerId?: string) {
  let q = db
    .selectFrom('customer_receipts as r')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 'r.company_id').onRef('c.id', '=', 'r.customer_id'),
    )
    .select([
      'r.id',
      'c.name as customer_name',
      'r.customer_id',
      'r.amount',
      'r.received_on',
      'r.method',
      'r.reference',
      'r.reverses_id',
    ])
    .where('r.company_id', '=', actor.companyId);
  if (customerId) q = q.where('r.customer_id', '=', customerId);
  const rows = await q.orderBy('r.created_at', 'desc').limit(500).execute();
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    amount: r.amount,
    receivedOn: r.received_on,
    method: r.method,
    reference: r.reference,
    reversesId: r.reverses_id,
  }));
}

/** 信用证: recorded and checked by finance; a valid one covers the order until its latest shipment date. */
export async function recordLetterOfCredit(
  db: Db,
  actor: Actor,
  orderId: string,
  lc: { number: string; amount: string; expiryDate: string; latestShipmentDate: string },
) {
  const order = await db
    .selectFrom('orders')
    .select('id')
    .where('company_id', '=', actor.companyId)
    .where('id', '=', orderId)
    .executeTakeFirst();
  if (!order) throw new AppError('ORDER.NOT_FOUND');
  await db
    .insertInto('letters_of_credit')
    .values({
      company_id: actor.companyId,
      order_id: orderId,
      number: lc.number,
      amount: lc.amount,
      expiry_date: lc.expiryDate,
      latest_shipment_date: lc.latestShipmentDate,
      checked_by: actor.userId,
    })
    .execute();
}

/** 信用证登记: every recorded credit with its order, and whether it is still valid on `today`. */
export async function listLettersOfCredit(db: Db, actor: Actor, today: string) {
  const rows = await db
    .selectFrom('letters_of_credit as l')
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'l.company_id').onRef('o.id', '=', 'l.order_id'))
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 'o.company_id').onRef('c.id', '=', 'o.customer_id'),
    )
    .innerJoin('users as u', 'u.id', 'l.checked_by')
    .select([
      'l.id',
      'l.order_id',
      'o.number as order_number',
      'o.total',
      'c.name as customer_name',
      'l.number',
      'l.amount',
      'l.expiry_date',
      'l.latest_shipment_date',
      'u.display_name',
      'l.checked_at',
    ])
    .where('l.company_id', '=', actor.companyId)
    .orderBy('l.checked_at', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orderId: r.order_id,
    orderNumber: r.order_number,
    customerName: r.customer_name,
    number: r.number,
    amount: r.amount,
    expiryDate: r.expiry_date,
    latestShipmentDate: r.latest_shipment_date,
    checkedBy: r.display_name,
    checkedAt: r.checked_at,
    valid: parseMoney(r.amount) >= parseMoney(r.total) && r.expiry_date >= today && r.latest_shipment_date >= today,
  }));
}
