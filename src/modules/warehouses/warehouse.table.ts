import type { Generated } from 'kysely';

export type WarehouseKind = 'central' | 'regional' | 'other';

export interface WarehousesTable {
  company_id: string;
  id: Generated<string>;
  code: string;
  name: string;
  kind: WarehouseKind; // central = 总仓
  address: string;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  updated_by: string | null;
}
