import type { Label } from '../../lib/errors';
import type { WarehouseKind } from './warehouse.table';

/** Names of the warehouse kinds in the user's language (exports). */
export const warehouseKindLabels: Record<WarehouseKind, Label> = {
  central: { zh: '总仓', en: 'Central' },
  regional: { zh: '分仓', en: 'Regional' },
  other: { zh: '其他', en: 'Other' },
};
