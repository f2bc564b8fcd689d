import type { ColumnType, Generated } from 'kysely';

/**
 * One nightly backup of the embedded database: claimed by its night (slot), then its outcome written once when
 * it ends — the file and its size, or the error. Unfinished while finished_at is null.
 */
export interface BackupRunsTable {
  id: Generated<string>;
  /** The company-time-zone night it belongs to, YYYY-MM-DD: unique, so one instance claims it. */
  slot: string;
  started_at: Date;
  finished_at: Date | null;
  file: string | null;
  size_bytes: ColumnType<string | null, number | null, number | null>;
  error: string | null;
}
