import type { Db } from '../../db/database';

export type IdempotencyClaim = {
  company_id: string;
  user_id: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
};

/** Claims the key; false when it was already claimed. */
export async function claimKey(db: Db, row: IdempotencyClaim): Promise<boolean> {
  const inserted = await db
    .insertInto('idempotency_keys')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('key')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function findKey(db: Db, companyId: string, userId: string, key: string) {
  return db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response'])
    .where('company_id', '=', companyId)
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export function storeResponse(
  db: Db,
  c: { companyId: string; userId: string; key: string },
  statusCode: number,
  response: string,
) {
  return db
    .updateTable('idempotency_keys')
    .set({ status_code: statusCode, response })
    .where('company_id', '=', c.companyId)
    .where('user_id', '=', c.userId)
    .where('key', '=', c.key)
    .execute();
}

/** A claim whose request failed is given back so that a retry can run. */
export function releaseKey(db: Db, c: { companyId: string; userId: string; key: string }) {
  return db
    .deleteFrom('idempotency_keys')
    .where('company_id', '=', c.companyId)
    .where('user_id', '=', c.userId)
    .where('key', '=', c.key)
    .where('status_code', 'is', null)
    .execute();
}
