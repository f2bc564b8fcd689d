import type { ColumnType, Generated } from 'kysely';

export type ImportJobStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export type ImportKind = 'orders';
/** One error of a refused import, as the import report lists it. */
export type ImportJobError = { row: number; column: string; code: string; message: string };

type Json<T> = ColumnType<T, string, string>;

/** A large Excel import run as a job: its file, progress (done of total lines) and outcome. */
export interface ImportJobsTable {
  company_id: string;
  id: Generated<string>;
  kind: ImportKind;
  status: Generated<ImportJobStatus>;
  language: 'zh-CN' | 'en';
  filename: string;
  total: number;
  done: Generated<number>;
  errors: Json<ImportJobError[] | null> | null;
  error_count: Generated<number>;
  result: Json<Record<string, unknown> | null> | null;
  file: ColumnType<Buffer | null, Buffer | null, Buffer | null>;
  created_by: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}
