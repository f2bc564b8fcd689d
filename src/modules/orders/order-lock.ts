import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.service';
import * as repo from './order.repository';
import type { OrderStatus } from './order.table';

/** Locks the order for a state change and loads it with its lines. */
export async function loadOrderForUpdate(db: Db, actor: Actor, id: string) {
  const order = await repo.findOrderForUpdate(db, actor.companyId, id);
  if (!order) throw new AppError('ORDER.NOT_FOUND');
  const lines = await repo.findLines(db, actor.companyId, [id]);
  return { order, lines, shippedUnits: lines.reduce((n, l) => n + l.shipped, 0) };
}

/** 归档: an archived order is read-only (for routes the archive guard leaves to check it under the lock). */
export function assertNotArchivedOrder(order: { archived_at: Date | null; number: string }) {
  if (order.archived_at) throw new AppError('ORDER.ARCHIVED', { number: order.number });
}

/**
 * The locked order as a move through the order machine left it: the new status, the patched columns and the stamp
 * (`updated_at`, `updated_by`) the order's store writes. Nothing else writes the row while the lock is held, so this
 * equals reading it back.
 */
export function afterMove(
  order: repo.OrderRow,
  to: OrderStatus,
  actor: Actor,
  at: Date,
  patch: Partial<repo.OrderRow> = {},
): repo.OrderRow {
  return { ...order, ...patch, status: to, updated_at: at, updated_by: actor.userId };
}
