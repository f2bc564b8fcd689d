import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Env } from '../../lib/env';
import type { Actor } from '../auth/auth.service';
import { addAttachment, listAttachments } from '../attachments/attachment.service';
import { listStages } from '../review/review.repository';
import { listForOrder } from '../production/production.service';
import { computeChecks } from './order-checks';
import * as repo from './order.repository';
import { displayNames } from '../users/user.repository';
import { getOrder, registerOrder } from './order.service';

async function mustFind(db: Db, actor: Actor, id: string) {
  const order = await repo.findOrder(db, actor.companyId, id);
  if (!order) throw new AppError('ORDER.NOT_FOUND');
  return order;
}

/** Only that the order exists in the user's company: no need to read and join the whole row. */
async function mustExist(db: Db, actor: Actor, id: string) {
  if (!(await repo.orderExists(db, actor.companyId, id))) throw new AppError('ORDER.NOT_FOUND');
}

export async function orderChecks(db: Db, actor: Actor, id: string) {
  const order = await mustFind(db, actor, id);
  return computeChecks(db, actor.companyId, order, await repo.findLines(db, actor.companyId, [id]));
}

/** Every round's stages with who decided and when (the review form's body), and the production answers. */
export async function orderReview(db: Db, actor: Actor, id: string) {
  await mustExist(db, actor, id);
  const [stages, production] = await Promise.all([
    listStages(db, actor.companyId, id),
    listForOrder(db, actor.companyId, id),
  ]);
  const names = await displayNames(db, [...new Set(stages.map((s) => s.decided_by).filter((x): x is string => !!x))]);
  return {
    stages: stages.map((s) => ({
      round: s.round,
      seq: s.seq,
      stage: s.stage,
      role: s.role,
      status: s.status,
      startedAt: s.started_at,
      dueAt: s.due_at,
      late: !!s.late_at,
      decidedBy: s.decided_by,
      decidedByName: names.find((n) => n.id === s.decided_by)?.display_name ?? null,
      decidedAt: s.decided_at,
      reason: s.reason,
    })),
    productionRequests: production,
  };
}

/** Files on the order: the written confirmation of a phone order clears its flag. */
export async function attachToOrder(
  db: Db,
  actor: Actor,
  id: string,
  file: { kind: string; filename: string; contentType: string; data: Buffer },
) {
  await mustExist(db, actor, id);
  const a = await addAttachment(db, actor, { ownerType: 'order', ownerId: id, ...file });
  if (file.kind === 'written_confirmation')
    await repo.updateOrder(db, actor.companyId, id, { written_confirmation_missing: false });
  return a;
}

export async function orderAttachments(db: Db, actor: Actor, id: string) {
  await mustExist(db, actor, id);
  return listAttachments(db, actor, 'order', id);
}

/** A copy is a new draft with the same lines: never its approvals, never its number. */
export async function copyOrder(db: Db, actor: Actor, env: Env, id: string) {
  const o = await getOrder(db, actor, id);
  // Contact and delivery from the stored order, not from the (possibly masked) view of this user.
  const stored = await mustFind(db, actor, id);
  return registerOrder(db, actor, env, {
    customerId: o.customer.id,
    contact: stored.contact ?? undefined,
    source: o.source,
    urgency: o.urgency,
    expectedDeliveryDate: o.expectedDeliveryDate ?? undefined,
    delivery: stored.delivery
      ? {
          consignee: stored.delivery.consignee,
          phone: stored.delivery.phone,
          region: stored.delivery.region,
          address: stored.delivery.address,
        }
      : undefined,
    paymentMethod: o.paymentMethod as never,
    paymentDays: o.paymentDays,
    depositPercent: o.depositPercent ?? undefined,
    orderType: o.orderType,
    buyerRemark: o.buyerRemark,
    sellerRemark: o.sellerRemark,
    customerPo: '',
    warehouseId: o.warehouseId,
    lines: o.lines.map((l) => ({
      productId: l.productId,
      qty: l.qty,
      unitPrice: l.gift ? undefined : l.unitPrice,
      gift: l.gift,
    })),
  });
}
