import type { Generated } from 'kysely';

export interface ProductsTable {
  company_id: string;
  id: Generated<string>;
  sku: string;
  name: string;
  spec: string; // 规格型号
  unit: string;
  list_price: string; // numeric(18,2)
  standard_cost: string;
  seasonal: boolean;
  launch_priority: number; // 上市计划: smaller is earlier
  allocated: Generated<boolean>; // 分货: receipts wait for an allocation run
  returnable: Generated<boolean>; // 退货政策: a product not returnable puts its return out of policy
  active: Generated<boolean>;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  updated_by: string | null;
}
