import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database';
import type { Page } from '../../lib/paging';
import type { FigureKey } from './report.labels';
import { periodOrders, registeredAt, rmb, startOf, type GroupBy, type Period } from './report.repository';

// The orders behind a figure (drill-down), and the names of the keys the report groups by.

export type DrillRow = {
  id: string;
  number: string;
  customerName: string;
  /** In the order's own currency; `amountRmbFen` is it in RMB at the order's stored rate. */
  amountFen: number;
  currency: string;
  amountRmbFen: number;
  status: string;
  registeredAt: Date;
};

/** Which of the period's orders a figure's drill-down lists (receivable figures pass their order ids). */
const drillFilter: Record<FigureKey, (p: Period) => RawBuilder<unknown>> = {
  orderCount: () => sql`true`,
  orderAmount: () => sql`true`,
  completionRate: () => sql`f.completed`,
  avgCycleHours: () => sql`f.completed`,
  onTimeProcessingRate: (p) => sql`exists (select 1 from review_stages st
      where st.company_id = ${p.companyId} and st.order_id = f.id and st.due_at is not null
        and ((st.status in ('approved', 'rejected') and st.decided_at > st.due_at)
          or (st.status = 'pending' and st.due_at < ${p.now})))`,
  onTimeDeliveryRate: (p) => sql`f.expected_delivery_date is not null
      and ((f.delivered and f.delivered_on::date > f.expected_delivery_date)
        or (not f.delivered and f.expected_delivery_date < ${p.today}::date))`,
  accuracyRate: () => sql`f.data_error`,
  complaintRate: () => sql`f.complained`,
  returnRate: () => sql`f.returned`,
  collectionRate: () => sql`false`,
  overdueAmount: () => sql`false`,
  allocationFillRate: () => sql`false`,
  quotationConversionRate: () => sql`false`,
};

/** The orders given units by the period's allocation runs. */
export async function allocationOrderIds(db: Db, p: Period): Promise<string[]> {
  const r = await sql<{ id: string }>`
    select distinct ar.order_id::text as id from allocation_reservations ar
    join allocation_runs r on r.company_id = ar.company_id and r.id = ar.run_id
    where ar.company_id = ${p.companyId} and r.created_at >= ${startOf(p.from, p.timeZone)}
      and r.created_at < ${startOf(p.to, p.timeZone)}`.execute(db);
  return r.rows.map((x) => x.id);
}

/**
 * A page of the orders behind a figure. Order-based figures list orders of the period; the receivable figures
 * list the orders their receivables belong to (`orderIds`), whatever month those were registered in.
 */
export async function drillOrders(
  db: Db,
  p: Period,
  figure: FigureKey,
  q: { page: number; pageSize: number },
  orderIds?: string[],
): Promise<Page<DrillRow>> {
  const offset = (q.page - 1) * q.pageSize;
  const r = orderIds
    ? await sql<DrillRow & { total: number }>`
        select o.id, o.number, cu.name as "customerName", round(o.total * 100)::float8 as "amountFen", o.currency,
          round(${rmb(sql.ref('o.total'), 'o')} * 100)::float8 as "amountRmbFen", o.status,
          ${registeredAt('o')} as "registeredAt", (count(*) over ())::int as total
        from orders o join customers cu on cu.company_id = o.company_id and cu.id = o.customer_id
        where o.company_id = ${p.companyId} and o.id = any(${orderIds}::uuid[])
        order by o.order_date, o.number limit ${q.pageSize} offset ${offset}`.execute(db)
    : await sql<DrillRow & { total: number }>`
        with ${periodOrders(p)}
        select f.id, f.number, f.customer_name as "customerName", round(f.total * 100)::float8 as "amountFen",
          f.currency, round(f.total_rmb * 100)::float8 as "amountRmbFen", f.status, f.registered_at as "registeredAt",
          (count(*) over ())::int as total
        from f where ${drillFilter[figure](p)}
        order by f.registered_at, f.number limit ${q.pageSize} offset ${offset}`.execute(db);
  const total = r.rows[0]?.total ?? 0;
  return { items: r.rows.map(({ total: _, ...row }) => row), total, page: q.page, pageSize: q.pageSize };
}

/** Display names of the keys of a grouping (users, customers, products); regions and roles are their own keys. */
export async function keyNames(db: Db, companyId: string, by: GroupBy, keys: string[]): Promise<Map<string, string>> {
  const ids = keys.filter((k) => /^[0-9a-f-]{36}$/.test(k));
  if (!ids.length || by === 'region' || by === 'department' || by === 'none') return new Map();
  const rows =
    by === 'clerk'
      ? await sql<{ id: string; name: string }>`select id::text, display_name as name from users
          where id = any(${ids}::uuid[])`.execute(db)
      : by === 'customer'
        ? await sql<{ id: string; name: string }>`select id::text, name from customers
            where company_id = ${companyId} and id = any(${ids}::uuid[])`.execute(db)
        : await sql<{ id: string; name: string }>`select id::text, name from products
            where company_id = ${companyId} and id = any(${ids}::uuid[])`.execute(db);
  return new Map(rows.rows.map((r) => [r.id, r.name]));
}

/** The group keys of the given orders (receivables grouped like the orders they belong to); none by product. */
export async function groupKeysOfOrders(db: Db, companyId: string, by: GroupBy, orderIds: string[]) {
  if (!orderIds.length || by === 'product') return [];
  const key =
    by === 'clerk'
      ? sql`array[o.registrar_id::text]`
      : by === 'department'
        ? sql`coalesce((select mm.roles from memberships mm
            where mm.company_id = o.company_id and mm.user_id = o.registrar_id), '{}')`
        : by === 'region'
          ? sql`array[cu.region]`
          : by === 'customer'
            ? sql`array[o.customer_id::text]`
            : sql`array[''::text]`;
  const customer =
    by === 'region' ? sql`join customers cu on cu.company_id = o.company_id and cu.id = o.customer_id` : sql``;
  // Each order looked up by its key: a join to the ids, or a filter by them, reads every order of the company.
  const r = await sql<{ id: string; keys: string[] | null }>`
    select i.id::text,
      (select ${key} from orders o ${customer} where o.company_id = ${companyId} and o.id = i.id) as keys
    from unnest(${orderIds}::uuid[]) as i(id)`.execute(db);
  return r.rows.flatMap((x) => (x.keys ? [{ id: x.id, keys: x.keys }] : []));
}
