import type { Env } from '../../lib/env';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.service';
import type { NotificationKind } from './notification.table';
import * as repo from './notification.repository';

type Notice = { kind: NotificationKind; params?: Record<string, string | number>; orderId?: string | null };

export async function notifyUsers(db: Db, companyId: string, userIds: string[], n: Notice) {
  await repo.insertNotifications(db, noticeRows(companyId, userIds, n));
}

/** `notifyUsers` as a statement, written with a state move (`alongside` of applyEvent): one round trip fewer. */
export function notifyUsersWrite(companyId: string, userIds: string[], n: Notice) {
  return repo.notificationsInsert(noticeRows(companyId, userIds, n));
}

const noticeRows = (companyId: string, userIds: string[], n: Notice) =>
  [...new Set(userIds)].map((user_id) => ({
    company_id: companyId,
    user_id,
    kind: n.kind,
    params: JSON.stringify(n.params ?? {}),
    order_id: n.orderId ?? null,
  }));

/** Every active user of the company holding the role (admins only when the role is admin). */
export async function notifyRole(db: Db, companyId: string, role: string, n: Notice) {
  await repo.insertForRole(db, companyId, role, {
    kind: n.kind,
    params: JSON.stringify(n.params ?? {}),
    orderId: n.orderId ?? null,
  });
}

export async function listNotifications(db: Db, actor: Actor, q: { unread?: boolean; limit: number }) {
  const rows = await repo.listForUser(db, actor.companyId, actor.userId, q);
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

export const unreadCount = (db: Db, actor: Actor) => repo.countUnread(db, actor.companyId, actor.userId);

export async function markRead(db: Db, actor: Actor, env: Env, ids: string[] | 'all') {
  if (ids !== 'all' && !ids.length)
    throw new AppError('VALIDATION.FAILED', { summary: 'ids' }, [{ path: 'ids', message: 'required' }]);
  await repo.markReadAt(db, actor.companyId, actor.userId, ids, env.now);
  return { unread: await unreadCount(db, actor) };
}
