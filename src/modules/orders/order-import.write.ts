import type { Db } from '../../db/database';
import { localParts } from '../../lib/local-date';
import type { Actor } from '../auth/auth.service';
import type { findCustomersByCodes } from '../customers/customer.repository';
import { insertHistoryBulk } from '../history/history.repository';
import { insertLinesBulk, insertOrdersBulk, reserveNumberBlocks } from './order-import.repository';
import type { OrderImportOptions, OrderImportResult } from './order-import';
import type { SheetLine } from './order-import.sheet';
import { formatOrderNumber, numberPeriod } from './order-number';
import { customerDefaults, type priceOrderLines } from './order-pricing';
import type { CreateOrderInput } from './order.schemas';

type Customer = Awaited<ReturnType<typeof findCustomersByCodes>>[number];
/** An order of the sheet, checked: its id, customer, rows, the registration request they make and its pricing. */
export type SheetOrder = {
  id: string;
  ref: string;
  customer: Customer;
  rows: SheetLine[];
  input: CreateOrderInput;
  priced: ReturnType<typeof priceOrderLines>;
};

/** Numbers by the rule in one block per customer, then every order, line and history row in set-based writes. */
export async function writeOrders(
  db: Db,
  actor: Actor,
  orders: SheetOrder[],
  o: OrderImportOptions & { rule: string; warehouseId: string },
): Promise<OrderImportResult> {
  const period = numberPeriod(o.now, o.timeZone);
  const counts = new Map<string, number>();
  for (const x of orders) counts.set(x.customer.id, (counts.get(x.customer.id) ?? 0) + 1);
  const last = await reserveNumberBlocks(
    db,
    actor.companyId,
    period,
    [...counts].map(([customerId, count]) => ({ customerId, count })),
  );
  const next = new Map([...counts].map(([id, n]) => [id, last.get(id)! - n + 1]));
  const today = localParts(o.now, o.timeZone);
  const orderDate = `${today.yyyy}-${today.MM}-${today.dd}`;
  const orderRows = [];
  const lineRows = [];
  for (const x of orders) {
    const { id, priced } = x;
    const seq = next.get(x.customer.id)!;
    next.set(x.customer.id, seq + 1);
    const number = formatOrderNumber(o.rule, {
      at: o.now,
      timeZone: o.timeZone,
      shortCode: x.customer.short_code,
      customerCode: x.customer.code,
      seq,
    });
    const defaults = customerDefaults(x.customer);
    lineRows.push(...priced.rows);
    orderRows.push({
      company_id: actor.companyId,
      id,
      number,
      status: 'draft' as const,
      customer_id: x.customer.id,
      contact: JSON.stringify(defaults.contact),
      order_date: orderDate,
      source: 'import' as const,
      urgency: 'normal' as const,
      expected_delivery_date: x.input.expectedDeliveryDate ?? null,
      delivery: JSON.stringify(x.input.delivery ?? defaults.delivery),
      payment_method: x.customer.payment_method,
      payment_days: x.customer.payment_days,
      order_type: 'standard' as const,
      buyer_remark: x.input.buyerRemark,
      seller_remark: '',
      customer_po: x.input.customerPo,
      warehouse_id: o.warehouseId,
      total: priced.total,
      cost_total: priced.cost,
      written_confirmation_missing: false,
      registrar_id: actor.userId,
      created_by: actor.userId,
      updated_by: actor.userId,
      created_at: o.now,
    });
  }
  await insertOrdersBulk(db, orderRows);
  await insertLinesBulk(db, actor.companyId, lineRows);
  const e = {
    companyId: actor.companyId,
    entityType: 'order',
    to: 'draft',
    event: 'register',
    actorId: actor.userId,
    at: o.now,
  };
  await insertHistoryBulk(
    db,
    e,
    orderRows.map((r) => r.id),
  );
  return { orders: orderRows.length, lines: lineRows.length, numbers: orderRows.slice(0, 20).map((r) => r.number) };
}
