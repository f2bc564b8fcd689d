import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/database';
import type { StateHistoryTable } from './history.table';

export async function insertHistory(db: Kysely<DB>, row: Insertable<StateHistoryTable>) {
  await db.insertInto('state_history').values(row).execute();
}

export function listHistory(db: Kysely<DB>, companyId: string, entityType: string, entityId: string) {
  return db
    .selectFrom('state_history')
    .select(['id', 'from_state', 'to_state', 'event', 'actor_id', 'at', 'reason'])
    .where('company_id', '=', companyId)
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
}
