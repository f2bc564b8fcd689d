import { sql, type Kysely } from 'kysely';

// Special orders and short-closing (issue 11):
// - 短结 (short-close): an order line records what was closed unshipped, so reserved + backordered + shipped +
//   closed still fits its quantity; the order keeps when, why and how much of its value was closed.
// - 赔货 (replacement): who is at fault, who bears the cost, the reason, and the original order.
// - 免费样机 (free samples): one loan per shipped sample line, out until returned or written off. A loan is
//   written by the database when a shipment of a sample order leaves the warehouse, whichever code ships it.
// - 备货 · 备料 (prep requests): requests without a sales order, their lines, the production requests they
//   become, and the stock earmarked for their customer once produced.
const statements = [
  `alter table order_lines add column closed_qty int not null default 0 check (closed_qty >= 0)`,
  `alter table order_lines add constraint order_lines_closed_fits
     check (reserved + backordered + shipped + closed_qty <= qty)`,
  `alter table orders add column short_closed_at timestamptz`,
  `alter table orders add column short_close_reason text`,
  `alter table orders add column closed_amount numeric(18,2) not null default 0 check (closed_amount >= 0)`,
  `alter table orders add column fault_party text check (fault_party in ('company', 'carrier', 'customer'))`,
  `alter table orders add column cost_bearer text check (cost_bearer in ('company', 'carrier', 'customer'))`,
  `alter table orders add column replacement_reason text`,
  `alter table orders add column replaces_order_id uuid`,
  `create table sample_loans (
     company_id uuid not null,
     id uuid not null default gen_random_uuid(),
     order_id uuid not null,
     order_line_no int not null,
     shipment_id uuid not null,
     customer_id uuid not null,
     warehouse_id uuid not null,
     product_id uuid not null,
     qty int not null check (qty > 0),
     status text not null default 'out' check (status in ('out', 'returned', 'written_off')),
     out_at timestamptz not null,
     returned_at timestamptz,
     written_off_at timestamptz,
     closed_by uuid,
     reason text,
     primary key (company_id, id),
     unique (company_id, shipment_id, order_line_no),
     foreign key (company_id, order_id) references orders(company_id, id))`,
  `create index sample_loans_status on sample_loans (company_id, status, out_at)`,
  `create function sample_loans_on_ship() returns trigger language plpgsql as $$
   begin
     insert into sample_loans (company_id, order_id, order_line_no, shipment_id, customer_id, warehouse_id,
                               product_id, qty, out_at)
     select l.company_id, l.order_id, l.order_line_no, l.shipment_id, o.customer_id, new.warehouse_id,
            l.product_id, sum(l.qty), coalesce(new.shipped_at, now())
       from shipment_lines l
       join orders o on o.company_id = l.company_id and o.id = l.order_id
      where l.company_id = new.company_id and l.shipment_id = new.id and o.order_type = 'sample'
      group by l.company_id, l.order_id, l.order_line_no, l.shipment_id, o.customer_id, l.product_id;
     return null;
   end $$`,
  `create trigger shipments_sample_loans after update of status on shipments
     for each row when (old.status <> 'shipped' and new.status = 'shipped')
     execute function sample_loans_on_ship()`,
  `create table prep_requests (
     company_id uuid not null,
     id uuid not null default gen_random_uuid(),
     number text not null,
     kind text not null check (kind in ('stock', 'material')),
     status text not null check (status in ('pending_director', 'pending_gm', 'approved', 'rejected', 'prepared')),
     customer_id uuid,
     warehouse_id uuid not null,
     note text not null default '',
     expected_date date not null,
     amount numeric(18,2) not null,
     requested_by uuid not null,
     decided_by uuid,
     decided_at timestamptz,
     decision_reason text,
     created_at timestamptz not null,
     primary key (company_id, id),
     unique (company_id, number),
     foreign key (company_id, customer_id) references customers(company_id, id))`,
  `create table prep_request_lines (
     company_id uuid not null,
     prep_request_id uuid not null,
     line_no int not null,
     product_id uuid not null,
     qty int not null check (qty > 0),
     standard_cost numeric(18,2) not null,
     primary key (company_id, prep_request_id, line_no),
     foreign key (company_id, prep_request_id) references prep_requests(company_id, id),
     foreign key (company_id, product_id) references products(company_id, id))`,
  `alter table production_requests alter column order_id drop not null`,
  `alter table production_requests alter column line_no drop not null`,
  `alter table production_requests add column prep_request_id uuid`,
  `alter table production_requests add constraint production_requests_for_order_or_prep
     check ((order_id is not null and line_no is not null) or prep_request_id is not null)`,
  `create table stock_earmarks (
     company_id uuid not null,
     id uuid not null default gen_random_uuid(),
     warehouse_id uuid not null,
     product_id uuid not null,
     customer_id uuid not null,
     prep_request_id uuid,
     qty int not null check (qty > 0),
     remaining int not null check (remaining >= 0 and remaining <= qty),
     created_at timestamptz not null,
     flagged_at timestamptz,
     primary key (company_id, id),
     foreign key (company_id, customer_id) references customers(company_id, id))`,
  `create index stock_earmarks_open on stock_earmarks (company_id, warehouse_id, product_id) where remaining > 0`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
