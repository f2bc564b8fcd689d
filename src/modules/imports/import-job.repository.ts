import type { Insertable } from 'kysely';
import type { Db } from '../../db/database';
import type { ImportJobsTable } from './import-job.table';

export function insertImportJob(db: Db, row: Insertable<ImportJobsTable>) {
  return db.insertInto('import_jobs').values(row).returning('id').executeTakeFirstOrThrow();
}

/** The job as its page shows it: never its file. */
export function findImportJob(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('import_jobs')
    .select([
      'id',
      'company_id',
      'kind',
      'status',
      'language',
      'filename',
      'total',
      'done',
      'errors',
      'error_count',
      'result',
      'created_by',
      'created_at',
      'started_at',
      'finished_at',
    ])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
}
export type ImportJobRow = NonNullable<Awaited<ReturnType<typeof findImportJob>>>;

/** The stored file of a job about to run (any company: the runner is given the job's id). */
export function findJobToRun(db: Db, id: string) {
  return db
    .selectFrom('import_jobs')
    .select(['id', 'company_id', 'kind', 'status', 'language', 'file', 'total', 'created_by'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Progress in its own short write, outside the import's transaction. */
export async function setImportProgress(db: Db, companyId: string, id: string, done: number) {
  await db.updateTable('import_jobs').set({ done }).where('company_id', '=', companyId).where('id', '=', id).execute();
}
