import { sql, type Insertable, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database';
import type { NotificationKind, NotificationsTable } from './notification.table';

// Queries of the in-app notifications. Plain functions, db first.

export async function insertNotifications(db: Db, rows: Insertable<NotificationsTable>[]) {
  if (rows.length) await db.insertInto('notifications').values(rows).execute();
}

/** The same insert as a statement, for a caller that writes it together with others (a state move). */
export function notificationsInsert(
  rows: { company_id: string; user_id: string; kind: string; params: string; order_id: string | null }[],
): RawBuilder<unknown> {
  return sql`
    insert into notifications (company_id, user_id, kind, params, order_id)
    select k.company_id, k.user_id, k.kind, k.params::jsonb, k.order_id
      from unnest(${rows.map((r) => r.company_id)}::uuid[], ${rows.map((r) => r.user_id)}::uuid[],
                  ${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.params)}::text[],
                  ${rows.map((r) => r.order_id)}::uuid[])
           with ordinality as k(company_id, user_id, kind, params, order_id, n)
     order by k.n`;
}

/** One notification for every active user of the company holding the role. */
export async function insertForRole(
  db: Db,
  companyId: string,
  role: string,
  n: { kind: NotificationKind; params: string; orderId: string | null },
) {
  await sql`
    insert into notifications (company_id, user_id, kind, params, order_id)
    select ${companyId}::uuid, m.user_id, ${n.kind}, ${n.params}::jsonb, ${n.orderId}::uuid
    from memberships m join users u on u.id = m.user_id
    where m.company_id = ${companyId} and u.active and ${role} = any(m.roles)`.execute(db);
}

export function listForUser(db: Db, companyId: string, userId: string, q: { unread?: boolean; limit: number }) {
  let query = db
    .selectFrom('notifications as n')
    .leftJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'n.company_id').onRef('o.id', '=', 'n.order_id'))
    .select(['n.id', 'n.kind', 'n.params', 'n.order_id', 'o.number as order_number', 'n.created_at', 'n.read_at'])
    .where('n.company_id', '=', companyId)
    .where('n.user_id', '=', userId);
  if (q.unread) query = query.where('n.read_at', 'is', null);
  return query.orderBy('n.id', 'desc').limit(q.limit).execute();
}

/** The most unread notices counted: the badge shows 99+ beyond 99, and a user may leave thousands unread. */
export const UNREAD_COUNTED_UP_TO = 100;

/** How many notices the user has not read, up to UNREAD_COUNTED_UP_TO (from notifications_unread alone). */
export async function countUnread(db: Db, companyId: string, userId: string): Promise<number> {
  const unread = db
    .selectFrom('notifications')
    .select(sql`1`.as('one'))
    .where('company_id', '=', companyId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .limit(UNREAD_COUNTED_UP_TO);
  const r = await db
    .selectFrom(unread.as('u'))
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}

/** Marks the user's unread notifications read: all, or those named. */
export async function markReadAt(db: Db, companyId: string, userId: string, ids: string[] | 'all', at: Date) {
  let q = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('company_id', '=', companyId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids !== 'all') q = q.where('id', 'in', ids);
  await q.execute();
}
