import { sql } from 'kysely';
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/database';
import type { StateHistoryTable } from './history.table';

export async function insertHistory(db: Kysely<DB>, row: Insertable<StateHistoryTable>) {
  await db.insertInto('state_history').values(row).execute();
}

/** An entity's history, oldest first, with the actor's name. */
export function listHistory(db: Kysely<DB>, companyId: string, entityType: string, entityId: string) {
  return db
    .selectFrom('state_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .select([
      'h.id',
      'h.from_state',
      'h.to_state',
      'h.event',
      'h.actor_id',
      'u.display_name as actor_name',
      'h.at',
      'h.reason',
    ])
    .where('h.company_id', '=', companyId)
    .where('h.entity_type', '=', entityType)
    .where('h.entity_id', '=', entityId)
    .orderBy('h.id')
    .execute();
}

/** The same event for many new entities in one statement (an import's registrations). */
export async function insertHistoryBulk(
  db: Kysely<DB>,
  e: { companyId: string; entityType: string; to: string; event: string; actorId: string; at: Date },
  entityIds: string[],
) {
  if (!entityIds.length) return;
  await sql`
    insert into state_history (company_id, entity_type, entity_id, from_state, to_state, event, actor_id, at, reason)
    select ${e.companyId}::uuid, ${e.entityType}::text, k.id, null, ${e.to}::text, ${e.event}::text, ${e.actorId}::uuid,
      ${e.at}::timestamptz, null
    from unnest(${entityIds}::uuid[]) as k(id)`.execute(db);
}
