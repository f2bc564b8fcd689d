import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database';

// The monthly report's figures come from a few set-based aggregates over one definition of "the period's
// orders" (orders dated in the period, submitted for review, not cancelled) and their per-order facts.
// Every per-order fact is an index lookup (state_history_entity, complaints_order, return_requests_order,
// change_requests_order, shipment_lines_order_line, callbacks_order); the period comes from orders_dated.

/** A period of order dates: [from, to) local days in the company's time zone, and the instant it is read at. */
export type Period = { companyId: string; from: string; to: string; timeZone: string; now: Date; today: string };

export type GroupBy = 'none' | 'clerk' | 'department' | 'region' | 'customer' | 'product';

export const startOf = (day: string, tz: string) => sql`(${day}::date::timestamp at time zone ${tz})`;

/** When the order was registered (登记): the moment its draft was stored. */
export const registeredAt = (o: string) => sql.ref(`${o}.created_at`);

/**
 * An amount of an order in RMB: in the order's currency times the rate stored with it, rounded half-up to the fen
 * (a CNY order's rate is 1). Every figure adding amounts of several orders adds them in RMB.
 */
export const rmb = (amount: RawBuilder<unknown> | ReturnType<typeof sql.ref>, o: string) =>
  sql`round(${amount} * coalesce(${sql.ref(`${o}.exchange_rate`)}, 1), 2)`;

/** The period's orders with the facts the figures count (one row per order). */
export function periodOrders(p: Period): RawBuilder<unknown> {
  const c = p.companyId;
  return sql`
    m as (
      select o.id, o.number, o.customer_id, o.registrar_id, o.total, o.currency, o.exchange_rate,
             ${rmb(sql.ref('o.total'), 'o')} as total_rmb, o.status, ${registeredAt('o')} as registered_at,
             o.expected_delivery_date, o.review_round, cu.region, cu.name as customer_name
      from orders o
      join customers cu on cu.company_id = o.company_id and cu.id = o.customer_id
      where o.company_id = ${c} and o.order_date >= ${p.from}::date and o.order_date < ${p.to}::date
        and o.submitted_at is not null and o.status <> 'cancelled'),
    f as (
      select m.*,
        m.status = 'completed' as completed,
        -- Looked up only for the orders whose figures use them (completed; delivered with a date wanted).
        case when m.status = 'completed' then
          (select max(h.at) from state_history h
            where h.company_id = ${c} and h.entity_type = 'order' and h.entity_id = m.id
              and h.to_state = 'completed') end as completed_at,
        m.status in ('delivered', 'completed') as delivered,
        case when m.status in ('delivered', 'completed') and m.expected_delivery_date is not null then
          (select to_char(max(s.delivered_at) at time zone ${p.timeZone}, 'YYYY-MM-DD') from shipments s
            where s.company_id = ${c} and s.delivered_at is not null
              and s.id in (select sl.shipment_id from shipment_lines sl
                            where sl.company_id = ${c} and sl.order_id = m.id)) end as delivered_on,
        exists (select 1 from complaints x where x.company_id = ${c} and x.order_id = m.id) as complained,
        exists (select 1 from return_requests x where x.company_id = ${c} and x.order_id = m.id
                  and x.status <> 'rejected') as returned,
        (m.review_round > 1
          or exists (select 1 from change_requests x where x.company_id = ${c} and x.order_id = m.id
                       and x.requested_by = 'internal' and x.status not in ('draft', 'cancelled'))
          or exists (select 1 from complaints x where x.company_id = ${c} and x.order_id = m.id
                       and x.type in ('wrong_item', 'short'))
          or exists (select 1 from return_requests x
                       join return_lines l on l.company_id = x.company_id and l.return_id = x.id
                       where x.company_id = ${c} and x.order_id = m.id and x.status <> 'rejected'
                         and l.reason = 'wrong_item')) as data_error,
        cb.callbacks_done, cb.callbacks_ok
      from m cross join lateral (
        select (count(*) filter (where x.status = 'done'))::int as callbacks_done,
               (count(*) filter (where x.status = 'done' and x.outcome = 'ok'))::int as callbacks_ok
        from callbacks x where x.company_id = ${c} and x.order_id = m.id) cb)`;
}

/** The group(s) an order falls in, with the amount it brings to each: (key, amount). */
export function orderGroups(p: Period, by: GroupBy, o: string): RawBuilder<unknown> {
  const ref = (col: string) => sql.ref(`${o}.${col}`);
  switch (by) {
    case 'clerk':
      return sql`(select ${ref('registrar_id')}::text, ${ref('total_rmb')})`;
    case 'department':
      return sql`(select unnest(mm.roles), ${ref('total_rmb')} from memberships mm
                  where mm.company_id = ${p.companyId} and mm.user_id = ${ref('registrar_id')})`;
    case 'region':
      return sql`(select ${ref('region')}::text, ${ref('total_rmb')})`;
    case 'customer':
      return sql`(select ${ref('customer_id')}::text, ${ref('total_rmb')})`;
    case 'product':
      return sql`(select l.product_id::text, ${rmb(sql`sum(l.amount)`, o)} from order_lines l
                  where l.company_id = ${p.companyId} and l.order_id = ${ref('id')} group by l.product_id)`;
    default:
      return sql`(select ''::text, ${ref('total_rmb')})`;
  }
}

export type StageAggregate = {
  key: string;
  stage: string;
  finished: number;
  avg_hours: number | null;
  timed: number;
  on_time: number;
};

/** The aggregate columns over review stages `st`: decided, their average hours, timed, decided in time. */
const stageColumns = sql`
  (count(*) filter (where st.decided_at is not null))::int as finished,
  (avg(extract(epoch from st.decided_at - st.started_at) / 3600)
     filter (where st.decided_at is not null and st.started_at is not null))::float8 as avg_hours,
  (count(*) filter (where st.due_at is not null))::int as timed,
  (count(*) filter (where st.due_at is not null and st.decided_at <= st.due_at))::int as on_time`;

/**
 * Review stages of the period's orders that were decided, or are pending past their limit, per group and stage.
 * Grouped by clerk a stage belongs to whoever decided it; by department, to the stage's role.
 */
export async function stageAggregates(db: Db, p: Period, by: GroupBy): Promise<StageAggregate[]> {
  const key =
    by === 'clerk'
      ? sql`(select st.decided_by::text, 0::numeric)`
      : by === 'department'
        ? sql`(select st.role, 0::numeric)`
        : orderGroups(p, by, 'm');
  const r = await sql<StageAggregate>`
    with ${periodOrders(p)}
    select g.key, st.stage,
      ${stageColumns}
    from m
    join review_stages st on st.company_id = ${p.companyId} and st.order_id = m.id
    cross join lateral ${key} as g(key, amount)
    where g.key is not null
      and (st.status in ('approved', 'rejected') or (st.status = 'pending' and st.due_at < ${p.now}))
    group by g.key, st.stage
    order by g.key, min(st.seq), st.stage`.execute(db);
  return r.rows;
}

/**
 * `stageAggregates` for the whole period, by clerk and by department from one pass over the stages, each grouping in
 * the order `stageAggregates` gives it.
 */
export async function stageAggregateSets(
  db: Db,
  p: Period,
): Promise<Record<'none' | 'clerk' | 'department', StageAggregate[]>> {
  const r = await sql<StageAggregate & { dim: 'none' | 'clerk' | 'department' }>`
    with ${periodOrders(p)}
    select x.dim, x.key, x.stage, x.finished, x.avg_hours, x.timed, x.on_time from (
      select
        case when grouping(st.decided_by) = 0 then 'clerk' when grouping(st.role) = 0 then 'department'
             else 'none' end as dim,
        case when grouping(st.decided_by) = 0 then st.decided_by::text when grouping(st.role) = 0 then st.role
             else '' end as key,
        st.stage, min(st.seq) as seq,
        ${stageColumns}
      from review_stages st
      -- The month's stages read by their orders' keys: joined to the orders, the plan reads every stage ever.
      where st.company_id = ${p.companyId} and st.order_id = any(array(select m.id from m))
        and (st.status in ('approved', 'rejected') or (st.status = 'pending' and st.due_at < ${p.now}))
      group by grouping sets ((st.stage), (st.decided_by, st.stage), (st.role, st.stage))) x
    where x.key is not null
    order by x.dim, x.key, x.seq, x.stage`.execute(db);
  const out: Record<'none' | 'clerk' | 'department', StageAggregate[]> = { none: [], clerk: [], department: [] };
  for (const { dim, ...row } of r.rows) out[dim].push(row);
  return out;
}

/** Complaints of the period's orders by type, and return lines of their live returns by reason. */
export async function reasons(db: Db, p: Period) {
  const complaints = await sql<{ reason: string; count: number }>`
    with ${periodOrders(p)}
    select x.type as reason, count(*)::int as count
    from m join complaints x on x.company_id = ${p.companyId} and x.order_id = m.id
    group by x.type order by count(*) desc, x.type`.execute(db);
  const returns = await sql<{ reason: string; count: number }>`
    with ${periodOrders(p)}
    select l.reason, count(*)::int as count
    from m join return_requests x on x.company_id = ${p.companyId} and x.order_id = m.id and x.status <> 'rejected'
    join return_lines l on l.company_id = x.company_id and l.return_id = x.id
    group by l.reason order by count(*) desc, l.reason`.execute(db);
  return { complaints: complaints.rows, returns: returns.rows };
}

/** Sales of the period's orders per product (line amounts), for the product table. */
export async function salesByProduct(db: Db, p: Period, limit: number) {
  const r = await sql<{ key: string; name: string; order_count: number; amount_fen: string }>`
    with ${periodOrders(p)},
    top as (
      select x.product_id, count(distinct m.id)::int as order_count, sum(x.amount) as amount
      from m join lateral (select l.product_id, ${rmb(sql`sum(l.amount)`, 'm')} as amount from order_lines l
        where l.company_id = ${p.companyId} and l.order_id = m.id group by l.product_id) x on true
      group by x.product_id order by sum(x.amount) desc, x.product_id limit ${limit})
    -- Named after the ranking: only the products shown are read.
    select t.product_id::text as key, pr.name, t.order_count, round(t.amount * 100)::bigint::text as amount_fen
    from top t join products pr on pr.company_id = ${p.companyId} and pr.id = t.product_id
    order by t.amount desc, t.product_id`.execute(db);
  return r.rows;
}

/** Per customer: amount and orders in the period and in each of the `months` months before it (index 1..n). */
export async function customerMonths(db: Db, p: Period, months: number) {
  const r = await sql<{
    customer_id: string;
    name: string;
    region: string;
    back: number;
    amount_fen: string;
    order_count: number;
  }>`
    select o.customer_id, min(cu.name) as name, min(cu.region) as region,
      ((extract(year from ${p.from}::date) * 12 + extract(month from ${p.from}::date))
        - (extract(year from o.order_date) * 12 + extract(month from o.order_date)))::int as back,
      round(sum(${rmb(sql.ref('o.total'), 'o')}) * 100)::bigint::text as amount_fen, count(*)::int as order_count
    from orders o join customers cu on cu.company_id = o.company_id and cu.id = o.customer_id
    where o.company_id = ${p.companyId}
      and o.order_date >= ${p.from}::date - make_interval(months => ${months})
      and o.order_date < ${p.to}::date
      and o.submitted_at is not null and o.status <> 'cancelled'
    group by o.customer_id, back`.execute(db);
  return r.rows;
}

/** Units allocated by the period's allocation runs against the units asked of them. */
export async function allocationFill(db: Db, p: Period) {
  // A run's input and result are json (0054): each is parsed once, its demand lists taken from the one pass.
  const r = await sql<{ allocated: number; requested: number }>`
    select
      coalesce(sum((select coalesce(sum((a->>'qty')::int), 0)
        from json_array_elements(coalesce(r.result->'result'->'allocations', '[]'::json)) a)), 0)::int as allocated,
      coalesce(sum((select coalesce(sum((d->>'qty')::int), 0)
        from json_each(r.input) k, json_array_elements(k.value) d
       where k.key in ('franchiseeOrders', 'storeDemand', 'regionDemand'))), 0)::int as requested
    from allocation_runs r
    where r.company_id = ${p.companyId} and r.created_at >= ${startOf(p.from, p.timeZone)}
      and r.created_at < ${startOf(p.to, p.timeZone)}`.execute(db);
  return r.rows[0] ?? { allocated: 0, requested: 0 };
}
