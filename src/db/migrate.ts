import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './migrations/0001_foundation';
import * as m0002 from './migrations/0002_orders';
import * as m0003 from './migrations/0003_allocation';
import * as m0004 from './migrations/0004_fulfilment';
import * as m0005 from './migrations/0005_statements';
import * as m0006 from './migrations/0006_ledger_checks';
import * as m0007 from './migrations/0007_feedback';
import * as m0008 from './migrations/0008_credit_changes';
import * as m0009 from './migrations/0009_review_stage_ids';
import * as m0010 from './migrations/0010_login_throttle';
import * as m0011 from './migrations/0011_change_requests';
import * as m0012 from './migrations/0012_returns';
import * as m0013 from './migrations/0013_special_orders';
import * as m0014 from './migrations/0014_change_stage_late';
import * as m0015 from './migrations/0015_reason_codes';
import * as m0016 from './migrations/0016_webhooks';
import * as m0017 from './migrations/0017_messages';
import * as m0018 from './migrations/0018_portal';
import * as m0019 from './migrations/0019_money_reason_codes';
import * as m0020 from './migrations/0020_backup_runs';
import * as m0021 from './migrations/0021_carrier_transit_days';
import * as m0022 from './migrations/0022_order_archive';
import * as m0023 from './migrations/0023_monthly_reports';
import * as m0024 from './migrations/0024_import_jobs';
import * as m0025 from './migrations/0025_quotations';
import * as m0026 from './migrations/0026_contracts';
import * as m0027 from './migrations/0027_export_orders';
import * as m0028 from './migrations/0028_sample_approval_overdue_interest';
import * as m0030 from './migrations/0030_export_quotations';
import * as m0031 from './migrations/0031_contract_terms';
import * as m0032 from './migrations/0032_customer_prices';
import * as m0033 from './migrations/0033_receipt_currency';
import * as m0034 from './migrations/0034_order_list_indexes';
import * as m0037 from './migrations/0037_ledger_check_once';
import * as m0038 from './migrations/0038_ledger_reserved_delta';
import * as m0039 from './migrations/0039_receipts_by_customer';
import * as m0040 from './migrations/0040_read_path_indexes';
import * as m0042 from './migrations/0042_daily_claims';
import * as m0043 from './migrations/0043_stock_open_earmarks';
import * as m0044 from './migrations/0044_order_list_at_scale';
import * as m0045 from './migrations/0045_workbench_counts';
import * as m0046 from './migrations/0046_callbacks_by_order';
import * as m0047 from './migrations/0047_shipment_lines_in_warehouse';
import * as m0050 from './migrations/0050_ledger_delta_kept_rows';
import * as m0051 from './migrations/0051_ledger_shipped_by_line';
import * as m0052 from './migrations/0052_order_lines_in_shipment';
import * as m0053 from './migrations/0053_orders_pay_first_queue';
import * as m0054 from './migrations/0054_allocation_commit_writes';
import * as m0055 from './migrations/0055_notifications_unread';

// Every migration, in order. New ones are added here.
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_orders': m0002,
  '0003_allocation': m0003,
  '0004_fulfilment': m0004,
  '0005_statements': m0005,
  '0006_ledger_checks': m0006,
  '0007_feedback': m0007,
  '0008_credit_changes': m0008,
  '0009_review_stage_ids': m0009,
  '0010_login_throttle': m0010,
  '0011_change_requests': m0011,
  '0012_returns': m0012,
  '0013_special_orders': m0013,
  '0014_change_stage_late': m0014,
  '0015_reason_codes': m0015,
  '0016_webhooks': m0016,
  '0017_messages': m0017,
  '0018_portal': m0018,
  '0019_money_reason_codes': m0019,
  '0020_backup_runs': m0020,
  '0021_carrier_transit_days': m0021,
  '0022_order_archive': m0022,
  '0023_monthly_reports': m0023,
  '0024_import_jobs': m0024,
  '0025_quotations': m0025,
  '0026_contracts': m0026,
  '0027_export_orders': m0027,
  '0028_sample_approval_overdue_interest': m0028,
  '0030_export_quotations': m0030,
  '0031_contract_terms': m0031,
  '0032_customer_prices': m0032,
  '0033_receipt_currency': m0033,
  '0034_order_list_indexes': m0034,
  '0037_ledger_check_once': m0037,
  '0038_ledger_reserved_delta': m0038,
  '0039_receipts_by_customer': m0039,
  '0040_read_path_indexes': m0040,
  '0042_daily_claims': m0042,
  '0043_stock_open_earmarks': m0043,
  '0044_order_list_at_scale': m0044,
  '0045_workbench_counts': m0045,
  '0046_callbacks_by_order': m0046,
  '0047_shipment_lines_in_warehouse': m0047,
  '0050_ledger_delta_kept_rows': m0050,
  '0051_ledger_shipped_by_line': m0051,
  '0052_order_lines_in_shipment': m0052,
  '0053_orders_pay_first_queue': m0053,
  '0054_allocation_commit_writes': m0054,
  '0055_notifications_unread': m0055,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** The names of every migration this version knows, in order: a database's level is a prefix of this list. */
export const migrationNames = (): string[] => Object.keys(migrations).sort();

/**
 * Migrates inside a transaction the caller already opened on this one connection (a restore is all or
 * nothing): to the named migration, or to the latest.
 */
export async function migrateWithin(conn: Kysely<any>, to?: string): Promise<void> {
  const migrator = new Migrator({ db: conn, provider, disableTransactions: true });
  const { error } = to ? await migrator.migrateTo(to) : await migrator.migrateToLatest();
  if (error) throw error;
}

export async function migrate(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
