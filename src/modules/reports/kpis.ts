import type { Db } from '../../db/database';
import { groupKeysOfOrders, keyNames } from './report-orders.repository';
import { orderAggregates, type OrderAggregate } from './report-figures.repository';
import { stageAggregates, type GroupBy, type Period, type StageAggregate } from './report.repository';
import { distinctOrders, type ReceivableFigures } from './report-receivables';
import { rate, type KpiRow } from './report.types';

// 考核指标 (订单处理及时率, 准确率, 客户满意度, 回款率) per clerk, department, region, customer or product.

type Acc = { due: number; collected: number };

/**
 * The KPI rows of a period grouped one way; receivables of the period as `periodReceivableFigures` gives them, and the
 * order and stage figures of that grouping when the caller has them already.
 */
export async function kpiRows(
  db: Db,
  p: Period,
  by: GroupBy,
  receivables: Pick<ReceivableFigures, 'due'>,
  known?: { orders: OrderAggregate[]; stages: StageAggregate[] },
): Promise<KpiRow[]> {
  const orders = known?.orders ?? (await orderAggregates(db, p, by));
  const stages = known?.stages ?? (await stageAggregates(db, p, by));
  const collection = await collectionByKey(db, p, by, receivables);
  const stageByKey = new Map<string, { timed: number; onTime: number }>();
  for (const s of stages) {
    const t = stageByKey.get(s.key) ?? { timed: 0, onTime: 0 };
    t.timed += s.timed;
    t.onTime += s.on_time;
    stageByKey.set(s.key, t);
  }
  const keys = [...new Set([...orders.map((o) => o.key), ...stageByKey.keys(), ...collection.keys()])];
  const names = await keyNames(db, p.companyId, by, keys);
  const byKey = new Map(orders.map((o) => [o.key, o]));
  return keys.map((key) => {
    const o = byKey.get(key);
    const s = stageByKey.get(key);
    const c = collection.get(key);
    return {
      key,
      name: names.get(key) ?? key,
      orderCount: o?.order_count ?? 0,
      onTimeProcessingRate: s ? rate(s.onTime, s.timed) : null,
      accuracyRate: o ? rate(o.accurate, o.order_count) : null,
      satisfaction: o ? rate(o.callbacks_ok, o.callbacks_done) : null,
      collectionRate: c ? rate(c.collected, c.due) : null,
      amountFen: Number(o?.amount_fen ?? 0),
      completionRate: o ? rate(o.completed, o.order_count) : null,
    };
  });
}

/** Receivables due in the period, summed by the group of the order they belong to. */
async function collectionByKey(
  db: Db,
  p: Period,
  by: GroupBy,
  r: Pick<ReceivableFigures, 'due'>,
): Promise<Map<string, Acc>> {
  const out = new Map<string, Acc>();
  const keysOf = new Map(
    by === 'none'
      ? distinctOrders(r.due).map((id) => [id, ['']])
      : (await groupKeysOfOrders(db, p.companyId, by, distinctOrders(r.due))).map((x) => [x.id, x.keys]),
  );
  for (const d of r.due) {
    for (const key of keysOf.get(d.orderId ?? '') ?? []) {
      const acc = out.get(key) ?? { due: 0, collected: 0 };
      acc.due += d.amountFen;
      acc.collected += d.collectedFen;
      out.set(key, acc);
    }
  }
  return out;
}
