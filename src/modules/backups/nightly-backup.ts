import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/database';
import { localDate } from '../../lib/local-date';
import { notifyRole } from '../notifications/notification.service';
import * as repo from './backup.repository';
import { backupDatabase } from './backup.service';

export type NightlyBackupOptions = { dir: string; keep: number; timeZone: string; engine: string; appVersion: string };
export type NightlyOutcome =
  { status: 'ok'; file: string; sizeBytes: number } | { status: 'failed'; error: string } | { status: 'skipped' };

const NAME = /^luyue-\d{8}-\d{6}Z\.backup\.gz$/;

/** luyue-20261130-183000Z.backup.gz: names sort by time. */
export const backupFileName = (at: Date) =>
  `luyue-${at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}Z.backup.gz`;

/**
 * The embedded database's nightly backup (it does not fsync, so a power loss can take recent writes): claims the
 * night (one instance runs it), writes the file into the folder, keeps the newest `keep` backups, and records the
 * outcome; a failure is told to the admins of every company.
 */
export async function runNightlyBackup(db: Db, opts: NightlyBackupOptions, clock: () => Date): Promise<NightlyOutcome> {
  const startedAt = clock();
  const claim = await repo.claimRun(db, localDate(startedAt, opts.timeZone), startedAt);
  if (!claim) return { status: 'skipped' };
  try {
    fs.mkdirSync(opts.dir, { recursive: true });
    const file = path.join(opts.dir, backupFileName(startedAt));
    const { sizeBytes } = await backupDatabase(db, {
      file,
      engine: opts.engine,
      appVersion: opts.appVersion,
      now: startedAt,
    });
    pruneBackups(opts.dir, opts.keep);
    await repo.finishRun(db, claim.id, { at: clock(), file, sizeBytes });
    return { status: 'ok', file, sizeBytes };
  } catch (err) {
    const error = String((err as Error).message).slice(0, 500);
    await repo.finishRun(db, claim.id, { at: clock(), error });
    for (const companyId of await repo.companyIds(db))
      await notifyRole(db, companyId, 'admin', { kind: 'backup_failed', params: { dir: opts.dir, error } });
    return { status: 'failed', error };
  }
}

/** Deletes all but the newest `keep` backups of the folder (only files named like ours). */
export function pruneBackups(dir: string, keep: number): string[] {
  const ours = fs
    .readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort();
  const old = ours.slice(0, Math.max(0, ours.length - keep));
  for (const f of old) fs.rmSync(path.join(dir, f), { force: true });
  return old;
}

/** The last successful backup and, when it came after, the last failure: for the admin's 工作台. */
export async function backupStatus(db: Db, scheduled: boolean) {
  const ok = await repo.lastRun(db, 'ok');
  const failed = await repo.lastRun(db, 'failed');
  return {
    scheduled,
    lastSuccess: ok
      ? { at: ok.finished_at!, file: path.basename(ok.file ?? ''), sizeBytes: Number(ok.size_bytes) }
      : null,
    lastFailure:
      failed && (!ok || failed.finished_at! > ok.finished_at!)
        ? { at: failed.finished_at!, error: failed.error ?? '' }
        : null,
  };
}
