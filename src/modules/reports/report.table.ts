import type { ColumnType } from 'kysely';

/** 月度订单分析报表 snapshots: the row claims the month (claimed_at), then holds the report (data). */
export interface MonthlyReportsTable {
  company_id: string;
  /** YYYY-MM */
  month: string;
  data: ColumnType<unknown | null, string | null, string | null>;
  claimed_at: Date;
  built_at: Date | null;
  /** Who rebuilt it; null when the monthly job or a first reading built it. */
  built_by: string | null;
  notified_at: Date | null;
}
