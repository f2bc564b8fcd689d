import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { formatMoney, parseMoney } from '../../lib/money';
import { overdueBeyond } from '../receivables/receivable.service';
import type { Env } from '../../lib/env';
import { todayOf } from '../../lib/local-date';
import { addWorkingHours } from '../../lib/calendar/calendar';
import { applyEvent, refusal } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { getSettings } from '../settings/settings.service';
import { STAGE_ROLES } from '../settings/settings.schemas';
import { insertStages } from '../review/review.repository';
import { announceStage, stageDueAt } from '../review/review-stage';
import { planStages } from '../review/review-plan';
import { pricedOrder } from '../review/price-facts';
import { requestProduction } from '../production/production.service';
import { computeChecks } from './order-checks';
import { afterMove, assertNotArchivedOrder, loadOrderForUpdate } from './order-lock';
import { orderMachine } from './order.machine';
import { presentOrder } from './order.service';

/** 提交审核: a complete draft goes to review with the stages its checks call for, in a new round. */
export async function submitOrder(db: Db, actor: Actor, env: Env, id: string) {
  const { order, lines, shippedUnits } = await loadOrderForUpdate(db, actor, id);
  assertNotArchivedOrder(order);
  const checks = await computeChecks(db, actor.companyId, order, lines);
  const settings = await getSettings(db, actor.companyId);
  const round = order.review_round + 1;

  const context = { shippedUnits, registrarId: order.registrar_id };
  if (!refusal(orderMachine, order.status, 'submit', actor, context)) {
    const hold = settings.fulfilment;
    const overdue = await overdueBeyond(db, actor.companyId, order.customer_id, todayOf(env), hold.creditHoldDays);
    if (overdue > parseMoney(hold.creditHoldAmount))
      throw new AppError('CUSTOMER.CREDIT_HOLD', { overdue: formatMoney(overdue) });
    if (!checks.completeness.ok)
      throw new AppError(
        'ORDER.INCOMPLETE',
        { missing: checks.completeness.missing.join(', ') },
        checks.completeness.missing.map((path) => ({ path, message: 'required' })),
      );
  }
  const to = await applyEvent(db, orderMachine, {
    entityId: id,
    current: order.status,
    event: 'submit',
    actor,
    context,
    at: env.now,
    patch: { review_round: round, submitted_at: env.now },
  });

  const stages = planStages(settings, await pricedOrder(db, actor.companyId, order, lines), checks);
  // The first stage is inserted started, with its due time, and its role is told.
  const roundStages = stages.map((stage, i) => ({
    round,
    seq: i + 1,
    stage,
    role: STAGE_ROLES[stage],
    status: 'pending' as const,
    claimed_by: null,
    claim_expires_at: null,
  }));
  await insertStages(db, actor.companyId, id, round, roundStages, {
    startedAt: env.now,
    dueAt: stageDueAt(env, settings, stages[0]),
  });
  await announceStage(db, {
    companyId: actor.companyId,
    orderId: id,
    number: order.number,
    round,
    seq: 1,
    stage: stages[0],
    role: STAGE_ROLES[stages[0]],
  });

  const short = checks.stock.lines.filter((l) => l.shortage > 0);
  if (short.length) {
    const dueAt = addWorkingHours(env.now, settings.productionRequestHours, env.workingHours);
    await requestProduction(db, actor, {
      orderId: id,
      number: order.number,
      dueAt,
      lines: short.map((s) => ({
        lineNo: s.lineNo,
        productId: lines.find((l) => l.line_no === s.lineNo)!.product_id,
        qty: s.shortage,
      })),
    });
  }
  const submitted = afterMove(order, to, actor, env.now, { review_round: round, submitted_at: env.now });
  return presentOrder(db, actor, submitted, lines, { stages: roundStages });
}
