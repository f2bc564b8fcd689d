import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Env } from '../../lib/env';
import { applyEvent, planEvent } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { findAttachment } from '../attachments/attachment.repository';
import { creditCheckOf, creditUsedQuery } from './order-credit';
import { notifyRole, notifyUsersWrite } from '../notifications/notification.service';
import * as reviewRepo from '../review/review.repository';
import { startStage } from '../review/review-stage';
import { getSettings } from '../settings/settings.service';
import { STAGE_ROLES } from '../settings/settings.schemas';
import { reserveForLines } from '../stock/stock.service';
import * as confirmRepo from './confirm.repository';
import { parseMoney } from '../../lib/money';
import { orderMachine } from './order.machine';
import * as repo from './order.repository';
import { assertNotArchivedOrder } from './order-lock';
import type { Confirmation } from './order.table';
import { reasonCode } from '../../lib/reason-codes';

/**
 * 客户确认 · 锁定 · 预留: records the customer's confirmation, checks credit again under a lock on the
 * customer (so concurrent confirmations cannot pass the limit together), then locks the order and
 * reserves stock for every line; what stock cannot cover is backordered. Over the limit without the
 * director's approval in this round, the order goes back to review with a director stage instead.
 * The caller reads the order back after the commit.
 */
export async function confirmOrder(db: Db, actor: Actor, env: Env, id: string, input: Confirmation) {
  // Two reads (see confirm.repository.ts): the locks on the order and its customer, then every fact under them.
  const order = await confirmRepo.lockOrderAndCustomer(db, actor.companyId, id);
  if (!order) throw new AppError('ORDER.NOT_FOUND');
  assertNotArchivedOrder(order);
  const facts = await confirmRepo.confirmFacts(db, actor.companyId, {
    orderId: id,
    round: order.review_round,
    stage: 'director',
    creditUsed: creditUsedQuery(actor.companyId, order.customer_id, id),
  });
  const lines = facts.lines;
  const context = { shippedUnits: lines.reduce((n, l) => n + l.shipped, 0) };
  const credit = creditCheckOf(
    {
      customerId: order.customer_id,
      creditLimit: order.credit_limit,
      orderId: id,
      total: order.total,
      paymentMethod: order.payment_method,
      exchangeRate: order.exchange_rate,
    },
    parseMoney(facts.used),
  );
  const directorApproved = facts.stageApproved;

  if (!credit.ok && !directorApproved && order.status === 'awaiting_confirmation') {
    await applyEvent(db, orderMachine, {
      entityId: id,
      current: order.status,
      event: 'escalate_credit',
      actor,
      context,
      reason: `credit ${credit.used} + ${credit.thisOrder} > ${credit.limit}`,
      at: env.now,
    });
    const seq = (await reviewRepo.lastSeq(db, actor.companyId, id, order.review_round)) + 1;
    await reviewRepo.insertStages(
      db,
      actor.companyId,
      id,
      order.review_round,
      [{ stage: 'director', role: STAGE_ROLES.director }],
      { startedAt: env.now, dueAt: env.now },
      seq,
    );
    await startStage(db, env, await getSettings(db, actor.companyId), {
      companyId: actor.companyId,
      orderId: id,
      number: order.number,
      round: order.review_round,
      seq,
      stage: 'director',
      role: STAGE_ROLES.director,
    });
    await notifyRole(db, actor.companyId, 'sales_director', {
      kind: 'credit_escalated',
      params: { number: order.number, used: credit.used, limit: credit.limit },
      orderId: id,
    });
    return { outcome: 'escalated_to_director' as const, credit };
  }

  if (input.attachmentId) {
    const a = await findAttachment(db, actor.companyId, input.attachmentId);
    if (!a || a.owner_type !== 'order' || a.owner_id !== id) throw new AppError('ORDER.CONFIRMATION_ATTACHMENT');
  }
  // Products under allocation (分货) are backordered whole: an allocation run hands them out.
  const allocated = new Set(lines.filter((l) => l.allocated).map((l) => l.product_id));
  // The move is saved in stock's statement (below), one round trip fewer on the hottest path.
  const move = planEvent(orderMachine, {
    entityId: id,
    current: order.status,
    event: 'confirm',
    actor,
    context,
    reason: input.portal ? reasonCode('confirmed_in_portal', { address: input.portal.address }) : input.note,
    at: env.now,
    patch: { confirmed_at: env.now, confirmed_by: actor.userId, confirmation: JSON.stringify(input) },
    alongside: notifyUsersWrite(actor.companyId, [order.registrar_id], {
      kind: 'order_confirmed',
      params: { number: order.number },
      orderId: id,
    }),
  });
  // Stock comes last: its balance rows are the most contended in the system, so they stay locked for one statement
  // and the commit. The lines' quantities are written in stock's statement.
  await reserveForLines(
    db,
    actor,
    lines.map((l) => ({
      warehouseId: order.warehouse_id,
      productId: l.product_id,
      qty: allocated.has(l.product_id) ? 0 : l.qty,
      reference: order.number,
      customerId: order.customer_id,
      orderId: id,
      lineNo: l.line_no,
    })),
    reasonCode('reserved_at_confirmation'),
    {
      fromGrants: repo.lineQuantitiesFromGrants(actor.companyId, id),
      fromNumbers: (granted) =>
        repo.lineQuantitiesUpdate(
          actor.companyId,
          lines.map((l, i) => ({
            orderId: id,
            lineNo: l.line_no,
            reserved: granted[i],
            backordered: l.qty - granted[i],
          })),
        ),
    },
    move,
  );
  return { outcome: 'confirmed' as const, credit };
}
