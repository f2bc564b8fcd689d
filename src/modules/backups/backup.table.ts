import type { ColumnType, Generated } from 'kysely';

export type BackupRunStatus = 'running' | 'ok' | 'failed';

/** One nightly backup of the embedded database: claimed by its night (slot), then its outcome. */
export interface BackupRunsTable {
  id: Generated<string>;
  /** The company-time-zone night it belongs to, YYYY-MM-DD: unique, so one instance claims it. */
  slot: string;
  status: Generated<BackupRunStatus>;
  started_at: Date;
  finished_at: Date | null;
  file: string | null;
  size_bytes: ColumnType<string | null, number | null, number | null>;
  error: string | null;
}
