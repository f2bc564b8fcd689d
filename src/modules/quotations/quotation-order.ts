import type { Kysely } from 'kysely';
import type { DB, Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { applyEvent } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { createOrderBody } from '../orders/order.schemas';
import { registerOrder } from '../orders/order.service';
import { quotationMachine } from './quotation.machine';
import * as repo from './quotation.repository';
import { getQuotation } from './quotation.service';

/** 外贸: the currency and trade terms a quotation or contract passes on (its order takes its own day's rate). */
export const exportTermsOf = (q: {
  currency: string;
  export: boolean;
  trade_term: string | null;
  port_of_loading: string | null;
  port_of_destination: string | null;
  container_type: string | null;
  container_count: number | null;
}) => ({
  currency: q.currency,
  export: q.export,
  tradeTerm: q.trade_term,
  portOfLoading: q.port_of_loading,
  portOfDestination: q.port_of_destination,
  containerType: q.container_type,
  containerCount: q.container_count,
});

/**
 * 一键转订单: the accepted quotation registered as a sales order by the order registration itself — customer,
 * lines (product, quantity, price), payment terms, delivery date and remarks carried over, nothing retyped.
 * The quotation keeps the order's id (the monthly report counts conversions by it).
 */
export async function orderFromQuotation(db: Db, actor: Actor, env: Env, id: string) {
  const q = await repo.lockQuotation(db, actor.companyId, id);
  if (!q) throw new AppError('QUOTATION.NOT_FOUND');
  if (q.order_id) {
    const existing = await repo.findQuotation(db, actor.companyId, id);
    throw new AppError('QUOTATION.ALREADY_ORDERED', { number: existing?.order_number ?? '' });
  }
  if (q.status !== 'accepted') throw new AppError('QUOTATION.NOT_ACCEPTED');
  const lines = await repo.findLines(db, actor.companyId, id, q.version);
  const lineRemarks = lines.filter((l) => l.remark).map((l) => `${l.line_no}. ${l.sku}: ${l.remark}`);
  const input = createOrderBody.parse({
    customerId: q.customer_id,
    source: q.source,
    expectedDeliveryDate: q.expected_delivery_date ?? undefined,
    paymentMethod: q.payment_method ?? undefined,
    paymentDays: q.payment_method ? q.payment_days : undefined,
    buyerRemark: q.remarks,
    sellerRemark: [`${q.number} v${q.version}`, ...lineRemarks].join('\n').slice(0, 1000),
    lines: lines.map((l) => ({ productId: l.product_id, qty: l.qty, unitPrice: l.unit_price })),
    ...exportTermsOf(q),
  });
  const order = await registerOrder(db, actor, env, input);
  await repo.updateQuotation(db, actor.companyId, id, {
    order_id: order.id,
    updated_at: env.now,
    updated_by: actor.userId,
  });
  return { order, quotation: await getQuotation(db, actor, env, id) };
}

/** The expiry job acts in the name of the quotation's author. */
const systemActor = (companyId: string, userId: string) => ({ userId, companyId, roles: ['system'] });

/**
 * Marks every sent quotation whose validity ended before `today` as expired, each in its own transaction (locked
 * and re-read there, so two runs never expire one twice); failures go to `onError` and are retried next run.
 */
export async function expireQuotations(
  db: Kysely<DB>,
  today: string,
  now: Date,
  onError: (e: unknown, q: { companyId: string; id: string }) => void = () => {},
) {
  let expired = 0;
  for (const due of await repo.dueQuotations(db, today)) {
    try {
      const done = await db.transaction().execute(async (trx) => {
        const q = await repo.lockQuotation(trx, due.company_id, due.id);
        if (!q || q.status !== 'sent' || q.valid_until >= today) return false;
        await applyEvent(trx, quotationMachine, {
          entityId: q.id,
          current: q.status,
          event: 'expire',
          actor: systemActor(q.company_id, q.created_by),
          context: { approvalReasons: q.approval_reasons, validUntil: q.valid_until, today },
          at: now,
        });
        return true;
      });
      if (done) expired++;
    } catch (e) {
      onError(e, { companyId: due.company_id, id: due.id });
    }
  }
  return expired;
}

/** The orders made from the quotations of a period: the drill-down of 报价转订单率. */
export const quotationOrderIds = (db: Db, companyId: string, p: { from: string; to: string; timeZone: string }) =>
  repo.convertedOrderIds(db, companyId, p.from, p.to, p.timeZone);

/**
 * 报价转订单率 for a period (the monthly report): of the quotations made from `from` to `to` (local days), how many
 * were sent, accepted and ordered, and the share of sent ones that became an order (null when none was sent).
 */
export async function quotationConversion(
  db: Db,
  companyId: string,
  p: { from: string; to: string; timeZone: string },
) {
  const c = await repo.conversionCounts(db, companyId, p.from, p.to, p.timeZone);
  return { ...c, rate: c.sent === 0 ? null : Math.round((c.ordered / c.sent) * 10_000) / 100 };
}
