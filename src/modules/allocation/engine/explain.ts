import type { ExplainedRow } from './engine';

// A sentence per result row, made from its rule and numbers (never stored text), in zh-CN and en.
const who = { franchisee: ['加盟商', 'franchisee'], store: ['门店', 'store'], region: ['区域', 'region'] } as const;

export function explainRow(row: ExplainedRow): { 'zh-CN': string; en: string } {
  const { qty, sku, to, facts } = row;
  const [zhKind, enKind] = who[to.kind];
  const rest = Math.max(0, facts.requested - qty);
  switch (row.rule) {
    case '6.4.2.2':
      return {
        'zh-CN':
          `${to.id} 有款加盟商，按上市计划发货 ${sku} ${qty} 件` +
          `（资金 ¥${row.fundsUsed}，信用 ¥${row.creditUsed}）` +
          (rest ? `；库存不足，余 ${rest} 件未分` : ''),
        en:
          `${to.id} is a paid franchisee: ships ${qty} × ${sku} in launch-plan order ` +
          `(funds ¥${row.fundsUsed}, credit ¥${row.creditUsed})` +
          (rest ? `; stock short, ${rest} left unallocated` : ''),
      };
    case '6.4.2.4':
      return {
        'zh-CN':
          `${to.id} 有款加盟商，按上市计划发货 ${sku} ${qty} 件；资金不足，余 ${rest} 件未分` +
          `（资金 ¥${row.fundsUsed}，信用 ¥${row.creditUsed}）`,
        en:
          `${to.id} is a paid franchisee: ships ${qty} × ${sku} in launch-plan order; money ran out, ` +
          `${rest} not allocated (funds ¥${row.fundsUsed}, credit ¥${row.creditUsed})`,
      };
    case '6.4.2.5':
      return {
        'zh-CN':
          `${to.id} 待付款，锁定 ${sku} ${qty} 件，${row.expiresOn} 前未付款则释放` + (rest ? `；仍缺 ${rest} 件` : ''),
        en:
          `${to.id} has not paid: ${qty} × ${sku} held until ${row.expiresOn}, released if unpaid by then` +
          (rest ? `; ${rest} still short` : ''),
      };
    case '6.4.3.3':
    case '6.4.3.4': {
      const seasonal = row.rule === '6.4.3.3';
      const need =
        to.kind === 'store' ? ['安全库存缺口', 'safety-stock shortfall'] : ['区域备货', 'regional prep stock'];
      return {
        'zh-CN':
          (seasonal ? '季节性产品按区域顺序' : '非季节性产品先门店后区域') +
          `（${facts.region} 第 ${facts.regionRank} 位）：${zhKind} ${to.id} ${need[0]} 发货 ${sku} ${qty} 件` +
          (rest ? `，余 ${rest} 件无货` : ''),
        en:
          (seasonal ? 'Seasonal product, region by region' : 'Non-seasonal product, stores before regions') +
          ` (${facts.region}, rank ${facts.regionRank}): ${enKind} ${to.id} gets ${qty} × ${sku} for its ${need[1]}` +
          (rest ? `; ${rest} short` : ''),
      };
    }
  }
}
