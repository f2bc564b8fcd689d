import type { Label, Lang } from '../../lib/errors';
import { toXlsx } from '../../lib/excel';
import { localColumns, nameOf, pick, type LocalColumn } from '../../lib/local-sheet';
import type { ExplainedRow } from './engine/engine';
import { explainRow } from './engine/explain';
import type { AllocationResult, AllocationRow } from './engine/types';

// The run's workbook speaks the request's language: sheet names, headers, row states and the explanations.
const RULE_COLUMNS: LocalColumn[] = [
  { key: 'sku', header: { zh: 'SKU', en: 'SKU' } },
  { key: 'id', header: { zh: '对象', en: 'Target' } },
  { key: 'qty', header: { zh: '数量', en: 'Qty' }, width: 10 },
  { key: 'status', header: { zh: '状态', en: 'Status' }, width: 10 },
  { key: 'rule', header: { zh: '规则', en: 'Rule' }, width: 10 },
];

export const allocationStatusLabels: Record<AllocationRow['status'], Label> = {
  ship: { zh: '发货', en: 'Ship' },
  reserved: { zh: '锁定', en: 'Held' },
};

/** One sheet per target kind (franchisee, store, region), the franchisees' money, and the stock left. */
export function allocationXlsx(result: AllocationResult, rows: ExplainedRow[], lang: Lang): Promise<Buffer> {
  const sheet = (kind: string, name: Label, extra: LocalColumn[] = []) => ({
    name: pick(name, lang),
    columns: localColumns(
      [...RULE_COLUMNS, ...extra, { key: 'explain', header: { zh: '说明', en: 'Explanation' }, width: 70 }],
      lang,
    ),
    rows: rows
      .filter((r) => r.to.kind === kind)
      .map((r) => ({
        sku: r.sku,
        id: r.to.id,
        qty: r.qty,
        status: nameOf(allocationStatusLabels, r.status, lang),
        rule: r.rule,
        fundsUsed: r.fundsUsed ?? '',
        creditUsed: r.creditUsed ?? '',
        expiresOn: r.expiresOn ?? '',
        explain: explainRow(r)[lang],
      })),
  });
  return toXlsx([
    sheet('franchisee', { zh: '加盟商', en: 'Franchisees' }, [
      { key: 'fundsUsed', header: { zh: '资金', en: 'Funds' } },
      { key: 'creditUsed', header: { zh: '信用', en: 'Credit' } },
      { key: 'expiresOn', header: { zh: '到期', en: 'Expires' } },
    ]),
    sheet('store', { zh: '门店', en: 'Stores' }),
    sheet('region', { zh: '区域', en: 'Regions' }),
    {
      name: pick({ zh: '资金', en: 'Money' }, lang),
      columns: localColumns(
        [
          { key: 'id', header: { zh: '加盟商', en: 'Franchisee' } },
          { key: 'fundsUsed', header: { zh: '已用资金', en: 'Funds used' } },
          { key: 'creditUsed', header: { zh: '已用信用', en: 'Credit used' } },
          { key: 'fundsLeft', header: { zh: '剩余资金', en: 'Funds left' } },
          { key: 'creditLeft', header: { zh: '剩余信用', en: 'Credit left' } },
        ],
        lang,
      ),
      rows: result.franchisees,
    },
    {
      name: pick({ zh: '剩余', en: 'Remaining' }, lang),
      columns: localColumns(
        [
          { key: 'sku', header: { zh: 'SKU', en: 'SKU' } },
          { key: 'qty', header: { zh: '剩余', en: 'Qty left' } },
        ],
        lang,
      ),
      rows: result.remaining,
    },
  ]);
}
