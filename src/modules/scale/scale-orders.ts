import { randomUUID } from 'node:crypto';
import { reasonCode } from '../../lib/reason-codes';
import type { OrderStatus } from '../orders/order.table';
import { CARRIERS, personName, phone, type Random } from './scale-names';
import { feedback, receipt } from './scale-feedback';
import { orderPath, pickStatus, type Step } from './scale-paths';
import { CANCELLED_BECAUSE, notify, REJECTED_BECAUSE, registrarNotices } from './scale-notices';

// One batch of the scale seed's orders, built in memory as the rows the app itself would have written for each
// order's path through its lifecycle: lines, review stages, shipments with lines, stock movements, receivables,
// receipts and their applications, complaints, returns, a history row per status change and the notices sent.

export type ScaleCustomer = {
  id: string;
  code: string;
  shortCode: string;
  name: string;
  region: string;
  paymentMethod: 'credit' | 'prepaid';
  paymentDays: number;
};
export type ScaleProduct = {
  id: string;
  sku: string;
  name: string;
  spec: string;
  unit: string;
  price: number;
  cost: number;
};
export type ScaleUsers = {
  registrars: string[];
  reviewer: string;
  finance: string;
  director: string;
  orderAdmin: string;
  warehouse: string;
  service: string;
};
/** What stays between batches: master data, number counters, running stock per product. */
export type ScaleState = {
  companyId: string;
  warehouseId: string;
  customers: ScaleCustomer[];
  products: ScaleProduct[];
  users: ScaleUsers;
  now: Date;
  /** Order number sequence per customer and month, shipment number sequence per day. */
  orderSeq: Map<string, number>;
  shipmentSeq: Map<string, number>;
  stock: Map<string, { onHand: number; reserved: number }>;
};
export type Row = Record<string, unknown>;
export type Batch = Record<
  | 'orders'
  | 'order_lines'
  | 'review_stages'
  | 'shipments'
  | 'shipment_lines'
  | 'stock_movements'
  | 'receivables'
  | 'customer_receipts'
  | 'receipt_applications'
  | 'complaints'
  | 'return_requests'
  | 'return_lines'
  | 'state_history'
  | 'notifications',
  Row[]
>;

const RESERVED = reasonCode('reserved_at_confirmation');
const SHIPPED = reasonCode('shipped');
export const HOUR = 3_600_000;
const OPEN = ['to_pick', 'picked', 'rechecked', 'packed'];
export const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;
/** The local (Asia/Shanghai) calendar date of an instant. */
export const localDay = (at: Date) => new Date(at.getTime() + SHANGHAI).toISOString().slice(0, 10);
export const fen = (n: number) => `${Math.trunc(n / 100)}.${String(Math.abs(n % 100)).padStart(2, '0')}`;
const addDays = (day: string, n: number) => new Date(Date.parse(day) + n * DAY).toISOString().slice(0, 10);

export function emptyBatch(): Batch {
  return {
    orders: [],
    order_lines: [],
    review_stages: [],
    shipments: [],
    shipment_lines: [],
    stock_movements: [],
    receivables: [],
    customer_receipts: [],
    receipt_applications: [],
    complaints: [],
    return_requests: [],
    return_lines: [],
    state_history: [],
    notifications: [],
  };
}

/** Orders [first, first + count) of `total`, spread evenly over the two years before `now`, oldest first. */
export function buildBatch(s: ScaleState, r: Random, first: number, count: number, total: number): Batch {
  const b = emptyBatch();
  const span = 730 * DAY;
  const start = s.now.getTime() - span;
  for (let i = first; i < first + count; i++) {
    const created = new Date(start + Math.floor(((i + r.next()) / total) * (span - 2 * HOUR)));
    buildOrder(s, r, b, created);
  }
  return b;
}

function buildOrder(s: ScaleState, r: Random, b: Batch, created: Date) {
  const customer = r.pick(s.customers);
  const ageDays = (s.now.getTime() - created.getTime()) / DAY;
  const status = pickStatus(r, ageDays);
  const steps = orderPath(status, r, created, s.now);
  const id = randomUUID();
  const registrar = r.pick(s.users.registrars);
  const month = localDay(created).slice(0, 7).replace('-', '');
  const seqKey = `${customer.id}/${month}`;
  const seq = (s.orderSeq.get(seqKey) ?? 0) + 1;
  s.orderSeq.set(seqKey, seq);
  const at = (event: Step['event']) => steps.find((x) => x.event === event)?.at;
  const confirmedAt = at('confirm');
  const shippedAt = at('ship_all') ?? at('ship_partial');
  const deliveredAt = at('deliver');
  const lineCount = r.weighted([
    ['3', 1],
    ['4', 2],
    ['5', 4],
    ['6', 2],
    ['7', 1],
  ]);
  const shippedLines = status === 'partially_shipped' ? Math.ceil(Number(lineCount) / 2) : Number(lineCount);
  const holdsStock = !!confirmedAt && status !== 'cancelled';
  let total = 0;
  let cost = 0;
  const lines: Row[] = [];
  const used = new Set<string>();
  for (let n = 1; n <= Number(lineCount); n++) {
    let p = r.pick(s.products);
    while (used.has(p.id)) p = r.pick(s.products);
    used.add(p.id);
    const qty = r.int(1, 40);
    const price = r.next() < 0.2 ? Math.round(p.price * 0.95) : p.price;
    const shipped = shippedAt && n <= shippedLines ? qty : 0;
    const reserved = holdsStock && !shipped ? qty : 0;
    total += qty * price;
    cost += qty * p.cost;
    lines.push({
      company_id: s.companyId,
      order_id: id,
      line_no: n,
      product_id: p.id,
      sku: p.sku,
      name: p.name,
      spec: p.spec,
      unit: p.unit,
      qty,
      unit_price: fen(price),
      amount: fen(qty * price),
      standard_cost: fen(p.cost),
      reserved,
      shipped,
      price,
    });
  }
  const number = `${month}-${customer.shortCode}-${String(seq).padStart(3, '0')}`;
  const consignee = {
    consignee: personName(r),
    phone: phone(r),
    region: customer.region,
    address: `${customer.region}市`,
  };
  b.orders.push({
    company_id: s.companyId,
    id,
    number,
    status,
    customer_id: customer.id,
    contact: JSON.stringify({ name: consignee.consignee, phone: consignee.phone }),
    order_date: localDay(created),
    source: r.pick(['email', 'crm', 'phone', 'ecommerce', 'onsite'] as const),
    urgency: r.next() < 0.1 ? 'urgent' : 'normal',
    expected_delivery_date: addDays(localDay(created), r.int(7, 30)),
    delivery: JSON.stringify({ ...consignee, address: `${customer.region}市${r.int(1, 999)}号` }),
    payment_method: customer.paymentMethod,
    payment_days: customer.paymentDays,
    customer_po: r.next() < 0.3 ? `PO${r.int(100000, 999999)}` : '',
    warehouse_id: s.warehouseId,
    total: fen(total),
    cost_total: fen(cost),
    review_round: at('submit') ? 1 : 0,
    registrar_id: registrar,
    submitted_at: at('submit') ?? null,
    confirmed_at: confirmedAt ?? null,
    confirmed_by: confirmedAt ? s.users.orderAdmin : null,
    confirmation: confirmedAt ? JSON.stringify({ method: 'electronic' }) : null,
    cancelled_at: at('cancel') ?? null,
    cancel_reason: at('cancel') ? CANCELLED_BECAUSE : null,
    created_at: created,
    created_by: registrar,
    updated_at: steps[steps.length - 1].at,
    updated_by: registrar,
  });
  for (const l of lines) b.order_lines.push(l);
  reviewStages(s, r, b, { id, number }, steps);
  history(s, b, 'order', id, steps, registrar);
  registrarNotices(s, r, b, { id, number }, registrar, steps);
  if (holdsStock)
    for (const l of lines)
      movement(s, b, l.product_id as string, 'reserve', 0, l.qty as number, RESERVED, number, confirmedAt!);
  if (status === 'in_fulfillment') shipmentFor(s, r, b, customer, consignee, lines, steps);
  if (shippedAt) {
    const shipment = shipmentFor(s, r, b, customer, consignee, lines.slice(0, shippedLines), steps);
    if (customer.paymentMethod === 'credit')
      b.receivables.push({
        company_id: s.companyId,
        id: randomUUID(),
        customer_id: customer.id,
        order_id: id,
        shipment_id: shipment.id,
        kind: 'shipment',
        amount: fen(shipment.value),
        due_date: addDays(localDay(shippedAt), customer.paymentDays),
        created_at: shippedAt,
      });
    const paidOn =
      customer.paymentMethod === 'prepaid'
        ? localDay(confirmedAt!)
        : status === 'completed' && r.next() < 0.95
          ? addDays(localDay(shippedAt), Math.max(0, customer.paymentDays - r.int(0, 10)))
          : undefined;
    if (paidOn && paidOn <= localDay(s.now)) receipt(s, b, customer.id, id, total, paidOn);
    if (status === 'completed' || status === 'delivered') feedback(s, r, b, id, lines, status, deliveredAt!);
  } else if (customer.paymentMethod === 'prepaid' && confirmedAt && status !== 'cancelled')
    receipt(s, b, customer.id, id, total, localDay(confirmedAt));
}

function reviewStages(s: ScaleState, r: Random, b: Batch, order: { id: string; number: string }, steps: Step[]) {
  const submit = steps.find((x) => x.event === 'submit');
  if (!submit) return;
  const decisions = steps.filter((x) => ['approve_stage', 'approve_final', 'reject'].includes(x.event));
  const plan = [
    { stage: 'sales', role: 'reviewer', by: s.users.reviewer },
    { stage: 'finance', role: 'finance', by: s.users.finance },
  ];
  // As review does: the next stage starts when one is approved; a rejection or a cancellation cancels the rest.
  const closed = steps.some((x) => x.event === 'reject' || x.event === 'cancel');
  plan.forEach((p, i) => {
    const d = decisions[i];
    const started = i === 0 ? submit.at : decisions[i - 1]?.event === 'approve_stage' ? decisions[i - 1].at : undefined;
    b.review_stages.push({
      company_id: s.companyId,
      order_id: order.id,
      round: 1,
      seq: i + 1,
      stage: p.stage,
      role: p.role,
      status: d ? (d.event === 'reject' ? 'rejected' : 'approved') : closed ? 'cancelled' : 'pending',
      started_at: started ?? null,
      due_at: started ? new Date(started.getTime() + 8 * HOUR) : null,
      decided_by: d ? p.by : null,
      decided_at: d?.at ?? null,
      reason: d?.event === 'reject' ? REJECTED_BECAUSE : null,
    });
    // A stage that starts tells its role (审核待办); the seed has one user per role.
    if (started)
      notify(s, r, b, {
        user: p.by,
        kind: 'review_assigned',
        params: { number: order.number, stage: p.stage },
        at: started,
        orderId: order.id,
      });
  });
}

export function history(s: ScaleState, b: Batch, type: string, id: string, steps: Step[], actor: string) {
  for (const st of steps)
    b.state_history.push({
      company_id: s.companyId,
      entity_type: type,
      entity_id: id,
      from_state: st.from,
      to_state: st.to,
      event: st.event,
      actor_id: st.by ? (s.users as Record<string, unknown>)[st.by] : actor,
      at: st.at,
      reason: null,
    });
}

function movement(
  s: ScaleState,
  b: Batch,
  productId: string,
  kind: string,
  onHand: number,
  reserved: number,
  reason: string,
  reference: string,
  at: Date,
) {
  const k = s.stock.get(productId) ?? { onHand: 0, reserved: 0 };
  k.onHand += onHand;
  k.reserved += reserved;
  s.stock.set(productId, k);
  b.stock_movements.push({
    company_id: s.companyId,
    warehouse_id: s.warehouseId,
    product_id: productId,
    kind,
    on_hand_delta: onHand,
    reserved_delta: reserved,
    reason,
    reference,
    actor_id: s.users.warehouse,
    at,
  });
}

/** The outbound order that carried the shipped lines, its history, and the stock it issued. */
function shipmentFor(
  s: ScaleState,
  r: Random,
  b: Batch,
  customer: ScaleCustomer,
  consignee: Row,
  lines: Row[],
  orderSteps: Step[],
) {
  const at = (e: string) => orderSteps.find((x) => x.event === e)?.at;
  const created = at('start_fulfillment') ?? at('confirm')!;
  const shippedAt = at('ship_all') ?? at('ship_partial');
  /** Still in the warehouse (the order is in fulfilment): somewhere between to-pick and packed. */
  const left = !!shippedAt;
  const shipped = shippedAt ?? new Date(Math.min(s.now.getTime(), created.getTime() + 3 * HOUR));
  const delivered = at('deliver');
  const day = localDay(created).replace(/-/g, '');
  const seq = (s.shipmentSeq.get(day) ?? 0) + 1;
  s.shipmentSeq.set(day, seq);
  const id = randomUUID();
  const number = `SH${day}-${String(seq).padStart(4, '0')}`;
  const tracking = `SF${r.int(1e9, 9e9)}`;
  b.shipments.push({
    company_id: s.companyId,
    id,
    number,
    status: delivered ? 'delivered' : left ? 'shipped' : OPEN[Math.floor(r.next() * OPEN.length)],
    warehouse_id: s.warehouseId,
    customer_id: customer.id,
    consignee: JSON.stringify(consignee),
    carrier: r.pick(CARRIERS),
    tracking_no: left ? tracking : '',
    pick_due_at: new Date(created.getTime() + 8 * HOUR),
    picked_at: left ? new Date(shipped.getTime() - 2 * HOUR) : null,
    shipped_at: left ? shipped : null,
    tracking_due_at: left ? new Date(shipped.getTime() + 2 * HOUR) : null,
    tracking_entered_at: left ? shipped : null,
    delivered_at: delivered ?? null,
    signed_by: delivered ? consignee.consignee : null,
    last_event_at: left ? (delivered ?? shipped) : null,
    created_at: created,
    created_by: s.users.warehouse,
  });
  let value = 0;
  lines.forEach((l, i) => {
    value += (l.qty as number) * (l.price as number);
    b.shipment_lines.push({
      company_id: s.companyId,
      shipment_id: id,
      line_no: i + 1,
      order_id: l.order_id,
      order_line_no: l.line_no,
      product_id: l.product_id,
      qty: l.qty,
      unit_price: l.unit_price,
    });
    if (left)
      movement(s, b, l.product_id as string, 'issue', -(l.qty as number), -(l.qty as number), SHIPPED, number, shipped);
  });
  const steps: Step[] = [
    { from: 'to_pick', to: 'picked', event: 'pick', at: new Date(shipped.getTime() - 2 * HOUR), by: 'warehouse' },
    { from: 'picked', to: 'rechecked', event: 'recheck', at: new Date(shipped.getTime() - HOUR), by: 'warehouse' },
    { from: 'rechecked', to: 'packed', event: 'pack', at: new Date(shipped.getTime() - HOUR / 2), by: 'warehouse' },
    { from: 'packed', to: 'shipped', event: 'ship', at: shipped, by: 'warehouse' },
  ];
  if (delivered) steps.push({ from: 'shipped', to: 'delivered', event: 'deliver', at: delivered, by: 'service' });
  const status = b.shipments[b.shipments.length - 1].status as string;
  const upTo = left ? steps : steps.slice(0, OPEN.indexOf(status));
  history(s, b, 'shipment', id, upTo, s.users.warehouse);
  return { id, value };
}
