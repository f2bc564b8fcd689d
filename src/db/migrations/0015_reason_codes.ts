import { sql, type Kysely } from 'kysely';

// Reasons the system wrote as Chinese (or Chinese + English) text become codes (src/lib/reason-codes.ts),
// so every reader sees them in their own language. Text a user typed is left as it is.
const exact: [string, string][] = [
  ['期初库存 Opening stock', 'opening_stock'],
  ['客户确认预留 Reserved at confirmation', 'reserved_at_confirmation'],
  ['到货补足欠货 Backorder filled on receipt', 'backorder_filled'],
  ['销售出库 Shipped', 'shipped'],
  ['分货发货 Allocation shipped', 'allocation_shipped'],
  ['分货发货', 'allocation_shipped'],
  ['样机归还 Sample returned', 'sample_returned'],
  ['订单取消 Order cancelled', 'order_cancelled'],
  ['订单短结 Order short-closed', 'order_short_closed'],
  ['出库单', 'outbound_order'],
  ['加盟商付款 Franchisee paid', 'franchisee_paid'],
  ['预留到期释放 Reservation expired', 'reservation_expired'],
  ['分货预留释放 Reservation released', 'reservation_released'],
];

// pattern → code and the name of its one parameter
const patterns: [string, string, string][] = [
  ['^分货 (.*) Allocation$', 'allocated', 'rule'],
  ['^订单取消 Cancelled: (.*)$', 'order_cancelled_because', 'note'],
  ['^订单短结 Short-closed: (.*)$', 'order_short_closed_because', 'note'],
  ['^订单变更释放 Released by change (.*)$', 'change_released', 'reference'],
  ['^订单变更预留 Reserved by change (.*)$', 'change_reserved', 'reference'],
  ['^订单变更 Order change (.*)$', 'order_change', 'number'],
  ['^签收 (.*)$', 'signed_by', 'name'],
];

const impacts: [string, string][] = [
  ['行已删除 line removed', 'line_removed'],
  ['单价已变更 price changed', 'price_changed'],
  ['数量少于出库单 quantity below the shipment', 'quantity_below_shipment'],
  ['收货地址已变更 address changed', 'address_changed'],
];

export async function up(db: Kysely<any>): Promise<void> {
  // The order's completion names its invoice; the invoice's type comes from the invoice itself.
  await sql`update state_history h
            set reason = '@invoice ' || json_build_object('number', i.number, 'invoiceType', i.type)::text
            from invoices i
            where h.entity_type = 'order' and h.entity_id = i.order_id and h.company_id = i.company_id
              and h.reason = '发票 ' || i.number`.execute(db);
  for (const table of ['stock_movements', 'state_history']) {
    const t = sql.table(table);
    for (const [text, code] of exact)
      await sql`update ${t} set reason = ${'@' + code} where reason = ${text}`.execute(db);
    for (const [re, code, param] of patterns)
      await sql`update ${t}
                set reason = ${'@' + code + ' '}
                  || json_build_object(${param}::text, (regexp_match(reason, ${re}))[1])::text
                where reason ~ ${re}`.execute(db);
    const impact = sql.join(
      impacts.map(([text, code]) => sql`when ${text} then ${code}`),
      sql` `,
    );
    const stopped = '^订单变更 (\\S+): (.*)$';
    await sql`update ${t} set reason = '@change_stopped_shipment ' || json_build_object(
                'number', (regexp_match(reason, ${stopped}))[1],
                'impacts', (select json_agg(case x ${impact} else x end)
                            from unnest(string_to_array((regexp_match(reason, ${stopped}))[2], ', ')) x))::text
              where reason ~ ${stopped}`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
