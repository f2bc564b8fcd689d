import type { Db } from '../../db/database';
import { addDays } from '../../lib/calendar/calendar';
import { formatMoney, parseMoney, toRmb } from '../../lib/money';
import type { Actor } from '../auth/auth.service';
import { orderSettlement } from '../payments/payment.repository';
import * as repo from './receivable.repository';

// 应收: created at shipment (or on the statement of a 月结 customer), paid by receipts applied to the
// order (oldest due first), reduced by allowances. Outstanding and aging are computed, never stored.

export type Bucket = 'not_due' | '0-30' | '31-60' | '61-90' | '>90';
const bucketOf = (daysOverdue: number): Bucket =>
  daysOverdue <= 0
    ? 'not_due'
    : daysOverdue <= 30
      ? '0-30'
      : daysOverdue <= 60
        ? '31-60'
        : daysOverdue <= 90
          ? '61-90'
          : '>90';
const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The due date of a 月结 shipment: the statement closing on or after shipping, plus the terms. */
export function statementDue(shippedOn: string, closingDay: number, termDays: number): { period: string; due: string } {
  const [y, m, d] = shippedOn.split('-').map(Number);
  const closeMonth = d <= closingDay ? new Date(Date.UTC(y, m - 1, closingDay)) : new Date(Date.UTC(y, m, closingDay));
  const close = closeMonth.toISOString().slice(0, 10);
  return { period: close.slice(0, 7), due: addDays(close, termDays) };
}

export async function createReceivable(
  db: Db,
  companyId: string,
  r: {
    customerId: string;
    orderId: string;
    shipmentId?: string;
    kind: 'shipment' | 'allowance';
    amount: string;
    dueDate: string;
    period?: string;
    /** When it arose (the request's clock); the database's clock when not given. */
    createdAt?: Date;
  },
) {
  await repo.insertReceivable(db, {
    company_id: companyId,
    customer_id: r.customerId,
    order_id: r.orderId,
    shipment_id: r.shipmentId ?? null,
    period: r.period ?? null,
    kind: r.kind,
    amount: r.amount,
    due_date: r.dueDate,
    ...(r.createdAt ? { created_at: r.createdAt } : {}),
  });
}

/** Every receivable with what is still outstanding and its aging bucket on `today`. */
export async function openReceivables(db: Db, companyId: string, today: string, customerId?: string) {
  const rows = await repo.listReceivables(db, companyId, customerId);
  // What covers an order's receivables, oldest due first: what is paid on it plus its allowances.
  const orderIds = [...new Set(rows.flatMap((r) => (r.order_id ? [r.order_id] : [])))];
  const credit = new Map(
    [...(await orderSettlement(db, companyId, orderIds))].map(([id, s]) => [id, s.paid + s.allowances]),
  );
  return rows.map((r) => {
    const amount = parseMoney(r.amount);
    const left = credit.get(r.order_id ?? '') ?? 0n;
    const covered = left >= amount ? amount : left > 0n ? left : 0n;
    credit.set(r.order_id ?? '', left - covered);
    const outstanding = amount - covered;
    const overdue = days(r.due_date, today);
    // A receivable is in its order's currency; totals over receivables add them in RMB at the order's rate.
    const rate = r.exchange_rate ? String(r.exchange_rate) : '1';
    return {
      id: r.id,
      customerId: r.customer_id,
      customerCode: r.customer_code,
      customerName: r.customer_name,
      orderId: r.order_id,
      orderNumber: r.order_number,
      amount: r.amount,
      outstanding: formatMoney(outstanding),
      currency: r.currency ?? 'CNY',
      exchangeRate: rate,
      amountRmb: formatMoney(toRmb(amount, rate)),
      outstandingRmb: formatMoney(toRmb(outstanding, rate)),
      dueDate: r.due_date,
      period: r.period,
      daysOverdue: Math.max(0, overdue),
      bucket: outstanding > 0n ? bucketOf(overdue) : ('paid' as const),
      remindedAt: r.reminded_at,
    };
  });
}

/** Receivables past due and not fully paid (the 工作台's count), without loading every receivable. */
export function overdueOutstandingCount(db: Db, companyId: string, today: string) {
  return repo.countOverdueOutstanding(db, companyId, today);
}

/** Outstanding per customer and bucket, in RMB (receivables of foreign-currency orders at their order's rate). */
export async function aging(db: Db, actor: Actor, today: string, customerId?: string) {
  const rows = (await openReceivables(db, actor.companyId, today, customerId)).filter((r) => r.bucket !== 'paid');
  const byCustomer = new Map<
    string,
    { customerId: string; customerName: string; total: bigint } & Record<Bucket, bigint>
  >();
  for (const r of rows) {
    const c = byCustomer.get(r.customerId) ?? {
      customerId: r.customerId,
      customerName: r.customerName,
      total: 0n,
      not_due: 0n,
      '0-30': 0n,
      '31-60': 0n,
      '61-90': 0n,
      '>90': 0n,
    };
    const v = parseMoney(r.outstandingRmb);
    c[r.bucket as Bucket] += v;
    c.total += v;
    byCustomer.set(r.customerId, c);
  }
  return [...byCustomer.values()].map((c) =>
    Object.fromEntries(Object.entries(c).map(([k, v]) => [k, typeof v === 'bigint' ? formatMoney(v) : v])),
  );
}

/** Overdue outstanding beyond the tolerance days, in RMB (信用冻结 when over the tolerance amount). */
export async function overdueBeyond(
  db: Db,
  companyId: string,
  customerId: string,
  today: string,
  toleranceDays: number,
): Promise<bigint> {
  return (await openReceivables(db, companyId, today, customerId))
    .filter((r) => r.bucket !== 'paid' && r.daysOverdue > toleranceDays)
    .reduce((n, r) => n + parseMoney(r.outstandingRmb), 0n);
}
