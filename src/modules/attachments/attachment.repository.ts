import type { Insertable } from 'kysely';
import type { Db } from '../../db/database';
import type { AttachmentsTable } from './attachment.table';

const meta = [
  'id',
  'owner_type',
  'owner_id',
  'kind',
  'filename',
  'content_type',
  'size',
  'created_at',
  'created_by',
] as const;

export function insertAttachment(db: Db, row: Insertable<AttachmentsTable>) {
  return db.insertInto('attachments').values(row).returning(meta).executeTakeFirstOrThrow();
}

export function listAttachments(db: Db, companyId: string, ownerType: string, ownerId: string) {
  return db
    .selectFrom('attachments')
    .select(meta)
    .where('company_id', '=', companyId)
    .where('owner_type', '=', ownerType)
    .where('owner_id', '=', ownerId)
    .orderBy('created_at')
    .execute();
}

export function findAttachment(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('attachments')
    .select([...meta, 'data'])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
}
