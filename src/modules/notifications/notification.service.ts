import { sql } from 'kysely';
import type { Env } from '../../lib/env';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.service';
import type { NotificationKind } from './notification.table';

type Notice = { kind: NotificationKind; params?: Record<string, string | number>; orderId?: string | null };

export async function notifyUsers(db: Db, companyId: string, userIds: string[], n: Notice) {
  const unique = [...new Set(userIds)];
  if (!unique.length) return;
  await db
    .insertInto('notifications')
    .values(
      unique.map((user_id) => ({
        company_id: companyId,
        user_id,
        kind: n.kind,
        params: JSON.stringify(n.params ?? {}),
        order_id: n.orderId ?? null,
      })),
    )
    .execute();
}

/** Every active user of the company holding the role (admins only when the role is admin). */
export async function notifyRole(db: Db, companyId: string, role: string, n: Notice) {
  await sql`
    insert into notifications (company_id, user_id, kind, params, order_id)
    select ${companyId}::uuid, m.user_id, ${n.kind}, ${JSON.stringify(n.params ?? {})}::jsonb,
      ${n.orderId ?? null}::uuid
    from memberships m join users u on u.id = m.user_id
    where m.company_id = ${companyId} and u.active and ${role} = any(m.roles)`.execute(db);
}

export async function listNotifications(db: Db, actor: Actor, q: { unread?: boolean; limit: number }) {
  let query = db
    .selectFrom('notifications as n')
    .leftJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'n.company_id').onRef('o.id', '=', 'n.order_id'))
    .select(['n.id', 'n.kind', 'n.params', 'n.order_id', 'o.number as order_number', 'n.created_at', 'n.read_at'])
    .where('n.company_id', '=', actor.companyId)
    .where('n.user_id', '=', actor.userId);
  if (q.unread) query = query.where('n.read_at', 'is', null);
  const rows = await query.orderBy('n.id', 'desc').limit(q.limit).execute();
  const unread = await unreadCount(db, actor);
  return {
    unread,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      params: r.params,
      orderId: r.order_id,
      orderNumber: r.order_number,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
  };
}

export async function unreadCount(db: Db, actor: Actor): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('company_id', '=', actor.companyId)
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function markRead(db: Db, actor: Actor, env: Env, ids: string[] | 'all') {
  let q = db
    .updateTable('notifications')
    .set({ read_at: env.now })
    .where('company_id', '=', actor.companyId)
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null);
  if (ids !== 'all') {
    if (!ids.length)
      throw new AppError('VALIDATION.FAILED', { summary: 'ids' }, [{ path: 'ids', message: 'required' }]);
    q = q.where('id', 'in', ids);
  }
  await q.execute();
  return { unread: await unreadCount(db, actor) };
}
