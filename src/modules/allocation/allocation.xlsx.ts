import { toXlsx } from '../../lib/excel';
import type { ExplainedRow } from './engine/engine';
import { explainRow } from './engine/explain';
import type { AllocationResult } from './engine/types';

const RULE_COLUMNS = [
  { key: 'sku', header: 'SKU' },
  { key: 'id', header: '对象 Target' },
  { key: 'qty', header: '数量 Qty', width: 10 },
  { key: 'status', header: '状态 Status', width: 10 },
  { key: 'rule', header: '规则 Rule', width: 10 },
];

/** One sheet per target kind (franchisee, store, region), the franchisees' money, and the stock left. */
export function allocationXlsx(result: AllocationResult, rows: ExplainedRow[]): Promise<Buffer> {
  const sheet = (kind: string, name: string, extra: { key: string; header: string; width?: number }[] = []) => ({
    name,
    columns: [
      ...RULE_COLUMNS,
      ...extra,
      { key: 'zh', header: '说明', width: 60 },
      { key: 'en', header: 'Explanation', width: 70 },
    ],
    rows: rows
      .filter((r) => r.to.kind === kind)
      .map((r) => {
        const e = explainRow(r);
        return {
          sku: r.sku,
          id: r.to.id,
          qty: r.qty,
          status: r.status,
          rule: r.rule,
          fundsUsed: r.fundsUsed ?? '',
          creditUsed: r.creditUsed ?? '',
          expiresOn: r.expiresOn ?? '',
          zh: e['zh-CN'],
          en: e.en,
        };
      }),
  });
  return toXlsx([
    sheet('franchisee', '加盟商 Franchisees', [
      { key: 'fundsUsed', header: '资金 Funds' },
      { key: 'creditUsed', header: '信用 Credit' },
      { key: 'expiresOn', header: '到期 Expires' },
    ]),
    sheet('store', '门店 Stores'),
    sheet('region', '区域 Regions'),
    {
      name: '资金 Money',
      columns: [
        { key: 'id', header: '加盟商 Franchisee' },
        { key: 'fundsUsed', header: '已用资金 Funds used' },
        { key: 'creditUsed', header: '已用信用 Credit used' },
        { key: 'fundsLeft', header: '剩余资金 Funds left' },
        { key: 'creditLeft', header: '剩余信用 Credit left' },
      ],
      rows: result.franchisees,
    },
    {
      name: '剩余 Remaining',
      columns: [
        { key: 'sku', header: 'SKU' },
        { key: 'qty', header: '剩余 Qty' },
      ],
      rows: result.remaining,
    },
  ]);
}
