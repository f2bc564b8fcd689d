import type { ColumnType, Generated } from 'kysely';

export interface CompanySettingsTable {
  company_id: string;
  settings: ColumnType<Record<string, unknown>, string, string>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}
