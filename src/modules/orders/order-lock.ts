import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.service';
import * as repo from './order.repository';

/** Locks the order for a state change and loads it with its lines. */
export async function loadOrderForUpdate(db: Db, actor: Actor, id: string) {
  const order = await repo.findOrderForUpdate(db, actor.companyId, id);
  if (!order) throw new AppError('ORDER.NOT_FOUND');
  const lines = await repo.findLines(db, actor.companyId, [id]);
  return { order, lines, shippedUnits: lines.reduce((n, l) => n + l.shipped, 0) };
}
