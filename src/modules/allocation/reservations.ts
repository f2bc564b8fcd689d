import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { parseMoney } from '../../lib/money';
import type { Actor } from '../auth/auth.service';
import { releaseReserved } from '../stock/stock.service';
import { lockMoney } from './franchisee-money';
import { addPickLines } from './pick-lists';

export async function listReservations(db: Db, actor: Actor, q: { status?: string; today: string }) {
  let query = db
    .selectFrom('allocation_reservations as r')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 'r.company_id').onRef('c.id', '=', 'r.customer_id'),
    )
    .innerJoin('products as p', (j) => j.onRef('p.company_id', '=', 'r.company_id').onRef('p.id', '=', 'r.product_id'))
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'r.company_id').onRef('o.id', '=', 'r.order_id'))
    .select([
      'r.id',
      'r.run_id',
      'r.customer_id',
      'c.code as customer_code',
      'c.name as customer_name',
      'r.order_id',
      'o.number as order_number',
      'r.line_no',
      'p.sku',
      'r.qty',
      'r.unit_price',
      'r.expires_on',
      'r.status',
      'r.created_at',
      'r.closed_at',
    ])
    .where('r.company_id', '=', actor.companyId);
  if (q.status) query = query.where('r.status', '=', q.status as never);
  const rows = await query.orderBy('r.expires_on').orderBy('c.code').limit(1000).execute();
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  return rows.map((r) => ({
    id: r.id,
    runId: r.run_id,
    customerId: r.customer_id,
    customerCode: r.customer_code,
    customerName: r.customer_name,
    orderId: r.order_id,
    orderNumber: r.order_number,
    lineNo: r.line_no,
    sku: r.sku,
    qty: r.qty,
    unitPrice: r.unit_price,
    expiresOn: r.expires_on,
    status: r.status,
    daysLeft: r.status === 'held' ? day(r.expires_on) - day(q.today) : null,
  }));
}

/**
 * Releases every held reservation whose day has come (expiresOn ≤ today): stock goes back to
 * available, the order line back to backordered, and the units join the next run. The UPDATE claims
 * each reservation for one runner only, so two app instances (or a catch-up) never release twice.
 */
export async function expireReservations(db: Db, today: string) {
  return db.transaction().execute(async (trx) => {
    const expired = await sql<{
      company_id: string;
      order_id: string;
      line_no: number;
      product_id: string;
      warehouse_id: string;
      qty: number;
      run_id: string;
    }>`
      update allocation_reservations set status = 'expired', closed_at = now()
      where status = 'held' and expires_on <= ${today}::date
      returning company_id, order_id, line_no, product_id, warehouse_id, qty, run_id`.execute(trx);
    const byCompany = new Map<string, typeof expired.rows>();
    for (const r of expired.rows) byCompany.set(r.company_id, [...(byCompany.get(r.company_id) ?? []), r]);
    for (const [companyId, rows] of byCompany) {
      const system = await trx
        .selectFrom('allocation_runs')
        .select('created_by')
        .where('company_id', '=', companyId)
        .where('id', '=', rows[0].run_id)
        .executeTakeFirstOrThrow();
      const actor: Actor = {
        userId: system.created_by,
        username: 'system',
        displayName: 'system',
        companyId,
        roles: ['admin'],
        sessionId: '',
        sessionKind: 'token',
        csrfToken: '',
      };
      await releaseReserved(
        trx,
        actor,
        rows.map((r) => ({
          warehouseId: r.warehouse_id,
          productId: r.product_id,
          qty: r.qty,
          reference: `ALLOC-${r.run_id.slice(0, 8)}`,
        })),
        '预留到期释放 Reservation expired',
      );
      for (const r of rows) {
        await sql`update order_lines set reserved = reserved - ${r.qty}, backordered = backordered + ${r.qty} where company_id = ${companyId} and order_id = ${r.order_id} and line_no = ${r.line_no}`.execute(
          trx,
        );
      }
    }
    return expired.rows.length;
  });
}

/**
 * A franchisee who pays before expiry gets held units converted to shipments, in launch-plan order,
 * as far as funds + credit reach beyond what open pick lists already plan to charge.
 */
export async function convertOnPayment(db: Db, actor: Actor, customerId: string) {
  const money = await lockMoney(db, actor.companyId, customerId);
  const planned = await sql<{ planned: string | null }>`
    select sum(l.qty * l.unit_price)::text as planned from pick_lists p join pick_list_lines l on l.company_id = p.company_id and l.pick_list_id = p.id
    where p.company_id = ${actor.companyId} and p.target_kind = 'franchisee' and p.target_id = ${customerId} and p.status = 'open'`.execute(
    db,
  );
  let purse = money.funds + money.credit - parseMoney(planned.rows[0].planned ?? '0');
  const held = await sql<{
    id: string;
    order_id: string;
    line_no: number;
    product_id: string;
    warehouse_id: string;
    qty: number;
    unit_price: string;
    run_id: string;
  }>`
    select r.id, r.order_id, r.line_no, r.product_id, r.warehouse_id, r.qty, r.unit_price::text, r.run_id
    from allocation_reservations r join products p on p.company_id = r.company_id and p.id = r.product_id
    where r.company_id = ${actor.companyId} and r.customer_id = ${customerId} and r.status = 'held'
    order by p.launch_priority, p.sku, r.created_at, r.order_id, r.line_no
    for update of r`.execute(db);
  const code = (
    await db
      .selectFrom('customers')
      .select('code')
      .where('company_id', '=', actor.companyId)
      .where('id', '=', customerId)
      .executeTakeFirstOrThrow()
  ).code;
  const lines = [];
  for (const r of held.rows) {
    const price = parseMoney(r.unit_price);
    const take = price === 0n ? r.qty : Math.min(r.qty, Number(purse > 0n ? purse / price : 0n));
    if (take <= 0) continue;
    purse -= price * BigInt(take);
    if (take === r.qty)
      await db
        .updateTable('allocation_reservations')
        .set({ status: 'converted', closed_at: new Date() })
        .where('company_id', '=', actor.companyId)
        .where('id', '=', r.id)
        .execute();
    else {
      await db
        .updateTable('allocation_reservations')
        .set({ qty: r.qty - take })
        .where('company_id', '=', actor.companyId)
        .where('id', '=', r.id)
        .execute();
      const rest = await db
        .selectFrom('allocation_reservations')
        .selectAll()
        .where('company_id', '=', actor.companyId)
        .where('id', '=', r.id)
        .executeTakeFirstOrThrow();
      await db
        .insertInto('allocation_reservations')
        .values({
          ...rest,
          id: undefined,
          qty: take,
          status: 'converted',
          closed_at: new Date(),
          created_at: undefined,
        })
        .execute();
    }
    lines.push({
      productId: r.product_id,
      qty: take,
      orderId: r.order_id,
      orderLineNo: r.line_no,
      unitPrice: r.unit_price,
      warehouseId: r.warehouse_id,
      runId: r.run_id,
    });
  }
  if (lines.length)
    await addPickLines(
      db,
      actor,
      {
        runId: lines[0].runId,
        warehouseId: lines[0].warehouseId,
        kind: 'franchisee',
        targetId: customerId,
        name: code,
      },
      lines,
    );
  return { converted: lines.reduce((n, l) => n + l.qty, 0) };
}
