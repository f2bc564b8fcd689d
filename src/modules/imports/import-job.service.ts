import type { Db } from '../../db/database';
import { AppError, translate, type Lang } from '../../lib/errors';
import { applyEvent, type Actor as MachineActor } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import * as repo from './import-job.repository';
import { importJobMachine, type ImportJobEvent } from './import-job.machine';
import type { ImportJobError, ImportJobStatus, ImportKind } from './import-job.table';

/** The queue whose jobs run stored imports (one message per job: its id). */
export const IMPORT_QUEUE = 'imports';

/** What a kind of import does with a stored file: all rows or none, progress told as lines are checked. */
export type ImportRun = (
  db: Db,
  actor: Actor,
  file: Buffer,
  opts: {
    lang: Lang;
    now: Date;
    timeZone: string;
    progress: (done: number) => Promise<void>;
    /** Called inside the import's write transaction with what it made, before it commits. */
    finish: (trx: Db, result: Record<string, unknown>) => Promise<void>;
  },
) => Promise<Record<string, unknown>>;

export async function createImportJob(
  db: Db,
  actor: Actor,
  job: { kind: ImportKind; lang: Lang; filename: string; total: number; file: Buffer; now: Date },
) {
  const { id } = await repo.insertImportJob(db, {
    company_id: actor.companyId,
    kind: job.kind,
    language: job.lang,
    filename: job.filename.slice(0, 200),
    total: job.total,
    file: job.file,
    errors: JSON.stringify(null),
    result: JSON.stringify(null),
    created_by: actor.userId,
    created_at: job.now,
  });
  return id;
}

export async function getImportJob(db: Db, actor: Actor, id: string) {
  const j = await repo.findImportJob(db, actor.companyId, id);
  if (!j) throw new AppError('IMPORT.JOB_NOT_FOUND');
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    filename: j.filename,
    total: j.total,
    done: j.done,
    errors: j.errors ?? [],
    errorCount: j.error_count,
    result: j.result,
    createdAt: j.created_at,
    startedAt: j.started_at,
    finishedAt: j.finished_at,
  };
}

/** The runner acts as no user: the job's history shows the system. */
const systemActor = (companyId: string): MachineActor => ({
  userId: null as unknown as string,
  companyId,
  roles: ['system'],
});

type JobMove = { event: ImportJobEvent; current: ImportJobStatus; patch: Record<string, unknown> };
const move = (db: Db, id: string, sys: MachineActor, at: Date, m: JobMove) =>
  applyEvent<ImportJobStatus, ImportJobEvent, unknown>(db, importJobMachine, {
    entityId: id,
    current: m.current,
    event: m.event,
    actor: sys,
    context: {},
    at,
    patch: m.patch,
  });

/**
 * Runs a queued job: started, then the kind's import, which marks the job succeeded inside its own write
 * transaction (orders written and job succeeded commit together, or neither); a refused or broken import fails
 * the job with its errors. The file is dropped once the job has ended. A job found running when its message comes
 * again was cut off (the process ended): nothing of it was written, so it fails as interrupted.
 */
export async function runImportJob(
  db: Db,
  id: string,
  runs: Record<ImportKind, ImportRun>,
  now: () => Date,
  timeZone: string,
  log: (msg: string, err?: unknown) => void = () => {},
) {
  const job = await repo.findJobToRun(db, id);
  if (!job || (job.status !== 'queued' && job.status !== 'running')) return;
  const sys = systemActor(job.company_id);
  const lang = job.language;
  const fail = (errors: ImportJobError[], count: number, current: ImportJobStatus = 'running') =>
    db.transaction().execute((trx) =>
      move(trx, id, sys, now(), {
        event: 'fail',
        current,
        patch: { errors: JSON.stringify(errors), error_count: count, finished_at: now(), file: null },
      }),
    );
  if (job.status === 'running' || !job.file)
    return void (await fail(failure(new AppError('IMPORT.INTERRUPTED'), lang).errors, 1, job.status));
  await db
    .transaction()
    .execute((trx) => move(trx, id, sys, now(), { event: 'start', current: 'queued', patch: { started_at: now() } }));
  const actor = { userId: job.created_by, companyId: job.company_id, roles: [] } as unknown as Actor;
  try {
    await runs[job.kind](db, actor, Buffer.from(job.file), {
      lang,
      now: now(),
      timeZone,
      progress: (done) => repo.setImportProgress(db, job.company_id, id, done),
      finish: async (trx, result) => {
        const at = now();
        const patch = { result: JSON.stringify(result), done: job.total, finished_at: at, file: null };
        await move(trx, id, sys, at, { event: 'succeed', current: 'running', patch });
      },
    });
  } catch (err) {
    if (!(err instanceof AppError)) log(`import job ${id} failed`, err);
    const f = failure(err, lang);
    await fail(f.errors, f.count);
  }
}

/** A refused import keeps its report; any other failure is one error on the file itself. */
function failure(err: unknown, lang: Lang): { errors: ImportJobError[]; count: number } {
  if (err instanceof AppError && err.code === 'IMPORT.ROWS_INVALID') {
    const d = err.details as { errors: ImportJobError[]; total: number };
    return { errors: d.errors, count: d.total };
  }
  const code = err instanceof AppError ? err.code : 'INTERNAL';
  const message =
    err instanceof AppError
      ? translate(err.code, err.params, lang)
      : lang === 'en'
        ? 'Internal error'
        : '服务器内部错误';
  return { errors: [{ row: 0, column: '', code, message }], count: 1 };
}
