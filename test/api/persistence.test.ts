import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectPglite } from '../../src/db/connect';
import { migrate } from '../../src/db/migrate';
import { isEmpty, seedDemo } from '../../src/modules/demo/demo.seed';

describe('embedded database on disk', () => {
  it('keeps its data across a stop and a start, and migrations run once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luyue-data-'));
    const first = await connectPglite(dir);
    expect(await migrate(first.db)).toEqual([
      '0001_foundation',
      '0002_orders',
      '0003_allocation',
      '0004_fulfilment',
      '0005_statements',
      '0006_ledger_checks',
      '0007_feedback',
      '0008_credit_changes',
      '0009_review_stage_ids',
      '0010_login_throttle',
      '0011_change_requests',
      '0012_returns',
      '0013_special_orders',
      '0014_change_stage_late',
      '0015_reason_codes',
      '0016_webhooks',
      '0017_messages',
      '0018_portal',
      '0019_money_reason_codes',
      '0020_backup_runs',
      '0021_carrier_transit_days',
      '0022_order_archive',
      '0023_monthly_reports',
      '0024_import_jobs',
      '0025_quotations',
      '0026_contracts',
      '0027_export_orders',
      '0028_sample_approval_overdue_interest',
      '0030_export_quotations',
      '0031_contract_terms',
      '0032_customer_prices',
      '0033_receipt_currency',
      '0034_order_list_indexes',
      '0037_ledger_check_once',
      '0038_ledger_reserved_delta',
      '0039_receipts_by_customer',
      '0040_read_path_indexes',
      '0042_daily_claims',
      '0043_stock_open_earmarks',
      '0044_order_list_at_scale',
      '0045_workbench_counts',
      '0046_callbacks_by_order',
      '0047_shipment_lines_in_warehouse',
      '0050_ledger_delta_kept_rows',
      '0051_ledger_shipped_by_line',
      '0052_order_lines_in_shipment',
      '0053_orders_pay_first_queue',
      '0054_allocation_commit_writes',
      '0055_notifications_unread',
    ]);
    expect(await isEmpty(first.db)).toBe(true);
    await first.db.transaction().execute((trx) => seedDemo(trx, new Date()));
    await first.close();

    const second = await connectPglite(dir);
    expect(await migrate(second.db)).toEqual([]);
    expect(await isEmpty(second.db)).toBe(false);
    const companies = await second.db.selectFrom('companies').select('code').orderBy('code').execute();
    expect(companies.map((c) => c.code)).toEqual(['HD', 'HN']);
    await second.close();
  });
});
