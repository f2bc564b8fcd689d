import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { localParts } from '../../lib/local-date';
import type { Actor } from '../auth/auth.service';
import { getSettings } from '../settings/settings.service';
import { checkPolicy } from './return-policy';
import { returnMachine } from './return.machine';
import * as repo from './return.repository';
import type { ReturnReason } from './return.table';

export type CreateReturnInput = {
  orderId: string;
  lines: { lineNo: number; qty: number; reason: ReturnReason }[];
  note?: string;
  complaintId?: string;
};

async function nextNumber(db: Db, companyId: string, env: Env) {
  const p = localParts(env.now, env.workingHours.timeZone);
  const prefix = `TH${p.yyyy}${p.MM}${p.dd}-`;
  await repo.lockReturnNumbers(db, companyId);
  return `${prefix}${String((await repo.countReturnsWithPrefix(db, companyId, prefix)) + 1).padStart(3, '0')}`;
}

/**
 * 退货申请: lines of a shipped order, each at most what was shipped minus what came back or is on its way back,
 * checked against the return policy (kept on the return).
 */
export async function createReturn(db: Db, actor: Actor, env: Env, input: CreateReturnInput) {
  const order = await repo.lockOrderForReturn(db, actor.companyId, input.orderId);
  if (!order) throw new AppError('ORDER.NOT_FOUND');
  if (input.complaintId) {
    const c = await repo.findComplaintOrder(db, actor.companyId, input.complaintId);
    if (!c || c.order_id !== order.id)
      throw new AppError('RETURN.COMPLAINT_MISMATCH', {}, [{ path: 'complaintId', message: 'not about this order' }]);
  }
  const lines = await repo.returnableLines(db, actor.companyId, order.id);
  if (!lines.some((l) => l.shipped > 0)) throw new AppError('RETURN.ORDER_NOT_SHIPPED');
  const byNo = new Map(lines.map((l) => [l.line_no, l]));
  const seen = new Set<number>();
  input.lines.forEach((l, i) => {
    const line = byNo.get(l.lineNo);
    if (!line || seen.has(l.lineNo))
      throw new AppError('VALIDATION.FAILED', { summary: `lines.${i}.lineNo` }, [
        { path: `lines.${i}.lineNo`, message: line ? 'given twice' : `the order has no line ${l.lineNo}` },
      ]);
    seen.add(l.lineNo);
    const max = line.shipped - line.returned - Number(line.pending ?? 0);
    if (l.qty > max)
      throw new AppError('RETURN.QTY_EXCEEDS', { lineNo: l.lineNo, max: Math.max(0, max) }, [
        { path: `lines.${i}.qty`, message: `line ${l.lineNo}: at most ${Math.max(0, max)}` },
      ]);
  });
  const settings = await getSettings(db, actor.companyId);
  const policy = checkPolicy(
    settings.returns,
    await repo.lastDelivery(db, actor.companyId, order.id),
    env.now,
    input.lines.map((l) => ({ ...l, returnable: byNo.get(l.lineNo)!.returnable })),
  );
  const id = randomUUID();
  await repo.insertReturn(db, {
    company_id: actor.companyId,
    id,
    number: await nextNumber(db, actor.companyId, env),
    order_id: order.id,
    complaint_id: input.complaintId ?? null,
    reason: [...new Set(input.lines.map((l) => l.reason))].join(','),
    status: returnMachine.initial,
    note: input.note ?? '',
    policy: JSON.stringify(policy),
    created_by: actor.userId,
    created_at: env.now,
  });
  await repo.insertReturnLines(
    db,
    input.lines.map((l, i) => ({
      company_id: actor.companyId,
      return_id: id,
      line_no: l.lineNo,
      product_id: byNo.get(l.lineNo)!.product_id,
      qty: l.qty,
      reason: l.reason,
      unit_price: byNo.get(l.lineNo)!.unit_price,
      returnable: byNo.get(l.lineNo)!.returnable,
      fee_percent: policy.lines[i].feePercent,
    })),
  );
  return id;
}

const COMPLAINT_REASON: Record<string, ReturnReason> = {
  quality: 'quality',
  wrong_item: 'wrong_item',
  damage: 'damage',
};

/** A complaint resolved as a return: every unit still returnable comes back, for the complaint's reason. */
export async function createReturnFromComplaint(
  db: Db,
  actor: Actor,
  env: Env,
  c: { orderId: string; complaintId: string; type: string; description: string },
) {
  const lines = (await repo.returnableLines(db, actor.companyId, c.orderId))
    .map((l) => ({ lineNo: l.line_no, qty: l.shipped - l.returned - Number(l.pending ?? 0) }))
    .filter((l) => l.qty > 0);
  if (!lines.length) throw new AppError('RETURN.NOTHING_TO_RETURN');
  const reason = COMPLAINT_REASON[c.type] ?? 'other';
  const id = await createReturn(db, actor, env, {
    orderId: c.orderId,
    complaintId: c.complaintId,
    note: `${c.type}: ${c.description}`.slice(0, 500),
    lines: lines.map((l) => ({ ...l, reason })),
  });
  return { id };
}
