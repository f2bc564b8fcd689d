import type { Insertable } from 'kysely';
import type { Db } from '../../db/database';
import type { PortalUsersTable } from './portal.table';

export function insertPortalUser(db: Db, row: Insertable<PortalUsersTable>) {
  return db.insertInto('portal_users').values(row).execute();
}

/** The portal logins of one customer, for the staff's customer page. */
export function listPortalUsers(db: Db, companyId: string, customerId: string) {
  return db
    .selectFrom('portal_users as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.active', 'p.phone', 'p.email', 'p.invited_at'])
    .where('p.company_id', '=', companyId)
    .where('p.customer_id', '=', customerId)
    .orderBy('p.invited_at')
    .execute();
}
