import type { Db } from '../../db/database';
import { formatMoney, parseMoney, toRmb } from '../../lib/money';
import { checkCredit } from './order-credit';
import { findCustomer } from '../customers/customer.repository';
import { listAttachments } from '../attachments/attachment.repository';
import * as repo from './order.repository';
import type { OrderLineRow, OrderRow } from './order.repository';

export type OrderChecks = Awaited<ReturnType<typeof computeChecks>>;

/** Fields an order needs before review (completeness of spec §2). */
export function missingFields(o: OrderRow, lines: OrderLineRow[]): string[] {
  const missing: string[] = [];
  if (!lines.length) missing.push('lines');
  if (!o.expected_delivery_date) missing.push('expectedDeliveryDate');
  if (!o.delivery?.consignee || !o.delivery?.address) missing.push('delivery');
  if (!o.contact?.name) missing.push('contact');
  if (o.payment_method === 'tt' && !o.deposit_percent) missing.push('depositPercent');
  if (o.payment_method === 'credit' && o.payment_days <= 0) missing.push('paymentDays');
  return missing;
}

/**
 * Available stock per line at the order's warehouse; lines of one product draw on the same stock. Stock earmarked
 * for another customer (备货预留) is not available to this one.
 */
export async function stockPerLine(
  db: Db,
  companyId: string,
  warehouseId: string,
  lines: OrderLineRow[],
  customerId?: string,
) {
  const ids = [...new Set(lines.map((l) => l.product_id))];
  const r = await repo.availableForCustomer(db, companyId, warehouseId, ids, customerId);
  const left = new Map(r.rows.map((x) => [x.product_id, x.available]));
  return lines.map((l) => {
    const available = left.get(l.product_id) ?? 0;
    left.set(l.product_id, Math.max(0, available - l.qty));
    return { lineNo: l.line_no, sku: l.sku, qty: l.qty, available, shortage: Math.max(0, l.qty - available) };
  });
}

/** 资质: a customer new to business (no other confirmed order) needs a document on file. */
export async function qualificationCheck(db: Db, companyId: string, o: Pick<OrderRow, 'id' | 'customer_id'>) {
  const previous = await repo.countConfirmedBusiness(db, companyId, o.customer_id, o.id);
  const documents = (await listAttachments(db, companyId, 'customer', o.customer_id)).length;
  const newCustomer = previous.rows[0].n === 0;
  return { newCustomer, documents, ok: !newCustomer || documents > 0 };
}

/** What the reviewer sees computed for them: completeness, qualification, credit, stock and margin. */
export async function computeChecks(db: Db, companyId: string, o: OrderRow, lines: OrderLineRow[]) {
  const customer = (await findCustomer(db, companyId, o.customer_id))!;
  const qualification = await qualificationCheck(db, companyId, o);
  const missing = missingFields(o, lines);
  const stock = await stockPerLine(db, companyId, o.warehouse_id, lines, o.customer_id);
  const margin = toRmb(parseMoney(o.total), o.exchange_rate) - parseMoney(o.cost_total);
  return {
    completeness: { ok: missing.length === 0, missing, writtenConfirmationMissing: o.written_confirmation_missing },
    qualification,
    credit: await checkCredit(db, companyId, {
      customerId: o.customer_id,
      creditLimit: customer.credit_limit,
      orderId: o.id,
      total: o.total,
      paymentMethod: o.payment_method,
      exchangeRate: o.exchange_rate,
    }),
    stock: { ok: stock.every((s) => s.shortage === 0), lines: stock },
    margin: { total: o.total, cost: o.cost_total, margin: formatMoney(margin), ok: margin > 0n },
  };
}
