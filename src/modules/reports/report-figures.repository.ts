import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database';
import { orderGroups, periodOrders, type GroupBy, type Period } from './report.repository';

// The order figures of a period (counts, amount, completion, cycle, delivery, accuracy, complaints, returns,
// call-backs), aggregated over the per-order facts of periodOrders: once for several groupings at a time.

export type OrderAggregate = {
  key: string;
  order_count: number;
  amount_fen: string;
  completed: number;
  avg_cycle_hours: number | null;
  delivery_due: number;
  delivery_on_time: number;
  accurate: number;
  complained: number;
  returned: number;
  callbacks_done: number;
  callbacks_ok: number;
};

/** The aggregate columns over `f`, the amount summed from `amount` (RMB). */
const columns = (p: Period, amount: RawBuilder<unknown>) => sql`
      count(*)::int as order_count,
      round(coalesce(sum(${amount}), 0) * 100)::bigint::text as amount_fen,
      (count(*) filter (where f.completed))::int as completed,
      (avg(extract(epoch from f.completed_at - f.registered_at) / 3600)
         filter (where f.completed and f.completed_at is not null))::float8 as avg_cycle_hours,
      (count(*) filter (where f.expected_delivery_date is not null
         and (f.delivered or f.expected_delivery_date < ${p.today}::date)))::int as delivery_due,
      (count(*) filter (where f.expected_delivery_date is not null and f.delivered
         and f.delivered_on::date <= f.expected_delivery_date))::int as delivery_on_time,
      (count(*) filter (where not f.data_error))::int as accurate,
      (count(*) filter (where f.complained))::int as complained,
      (count(*) filter (where f.returned))::int as returned,
      coalesce(sum(f.callbacks_done), 0)::int as callbacks_done,
      coalesce(sum(f.callbacks_ok), 0)::int as callbacks_ok`;

/** The order figures of the period, per group (one row with key '' when not grouped). */
export async function orderAggregates(db: Db, p: Period, by: GroupBy): Promise<OrderAggregate[]> {
  const r = await sql<OrderAggregate>`
    with ${periodOrders(p)}
    select g.key, ${columns(p, sql`g.amount`)}
    from f cross join lateral ${orderGroups(p, by, 'f')} as g(key, amount)
    group by g.key
    order by sum(g.amount) desc, g.key`.execute(db);
  return r.rows;
}

export type SetDimension = 'none' | 'region' | 'customer' | 'clerk' | 'department';

/**
 * The whole period and its groupings by region, customer, registrar and department (the registrar's roles, as
 * `orderAggregates` groups them) from one pass over the orders: the per-order facts are computed once.
 */
export async function orderAggregateSets(db: Db, p: Period): Promise<Record<SetDimension, OrderAggregate[]>> {
  const r = await sql<OrderAggregate & { dim: SetDimension }>`
    with ${periodOrders(p)}, once as materialized (select * from f)
    select x.dim, x.key, x.order_count, x.amount_fen, x.completed, x.avg_cycle_hours, x.delivery_due,
      x.delivery_on_time, x.accurate, x.complained, x.returned, x.callbacks_done, x.callbacks_ok
    from (
      select
        case when grouping(f.region) = 0 then 'region' when grouping(f.customer_id) = 0 then 'customer'
             when grouping(f.registrar_id) = 0 then 'clerk' else 'none' end as dim,
        case when grouping(f.region) = 0 then f.region when grouping(f.customer_id) = 0 then f.customer_id::text
             when grouping(f.registrar_id) = 0 then f.registrar_id::text else '' end as key,
        ${columns(p, sql`f.total_rmb`)},
        sum(f.total_rmb) as amount
      from once f
      group by grouping sets ((), (f.region), (f.customer_id), (f.registrar_id))
      union all
      select 'department', g.key, ${columns(p, sql`g.amount`)}, sum(g.amount)
      from once f cross join lateral ${orderGroups(p, 'department', 'f')} as g(key, amount)
      group by g.key) x
    order by x.amount desc nulls last, x.key`.execute(db);
  const out: Record<SetDimension, OrderAggregate[]> = { none: [], region: [], customer: [], clerk: [], department: [] };
  for (const { dim, ...row } of r.rows) out[dim].push(row);
  return out;
}
