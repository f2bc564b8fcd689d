import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Env } from '../../lib/env';
import { keepStored, personalValue, stillMasked } from '../../lib/personal-fields';
import { formatMoney, parseMoney, toRmb } from '../../lib/money';
import { customerDefaults } from './order-pricing';
import { priceLines } from './order-line-pricing';
import type { Actor } from '../auth/auth.service';
import { findWarehouse } from '../warehouses/warehouse.repository';
import { settingsOf } from '../settings/settings.service';
import { listHistory } from '../history/history.repository';
import { listAttachments } from '../attachments/attachment.repository';
import * as repo from './order.repository';
import { EDITABLE } from './order.machine';
import { orderActions, type KnownStage, type OrderAction } from './order-actions';
import { formatOrderNumber, numberPeriod } from './order-number';
import { localParts } from '../../lib/local-date';
import type { CreateOrderInput, UpdateOrderInput } from './order.schemas';
import { exportColumns, exportTermsOf } from './order-currency';

/** The order's contact and delivery as these roles may see them (个人信息, src/lib/personal-fields.ts). */
function personalParts(o: repo.OrderRow, roles: readonly string[]) {
  const c = o.contact;
  const d = o.delivery;
  return {
    contact: c && { ...c, phone: personalValue(roles, 'contactPhone', c.phone) },
    delivery: d && {
      ...d,
      phone: personalValue(roles, 'consigneePhone', d.phone),
      address: personalValue(roles, 'address', d.address),
    },
  };
}

export function orderRowToOrder(
  o: repo.OrderRow,
  lines: repo.OrderLineRow[],
  roles: readonly string[],
  actions: OrderAction[] = [],
) {
  const { contact, delivery } = personalParts(o, roles);
  const total = parseMoney(o.total);
  const cost = parseMoney(o.cost_total);
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    customer: { id: o.customer_id, code: o.customer_code, shortCode: o.customer_short_code, name: o.customer_name },
    contact,
    orderDate: o.order_date,
    source: o.source,
    urgency: o.urgency,
    expectedDeliveryDate: o.expected_delivery_date,
    delivery,
    paymentMethod: o.payment_method,
    paymentDays: o.payment_days,
    depositPercent: o.deposit_percent,
    orderType: o.order_type,
    buyerRemark: o.buyer_remark,
    sellerRemark: o.seller_remark,
    customerPo: o.customer_po,
    warehouseId: o.warehouse_id,
    total: o.total,
    costTotal: o.cost_total,
    margin: formatMoney(total - cost),
    writtenConfirmationMissing: o.written_confirmation_missing,
    locked: !EDITABLE.includes(o.status),
    reviewRound: o.review_round,
    registrar: { id: o.registrar_id, name: o.registrar_name },
    submittedAt: o.submitted_at,
    confirmedAt: o.confirmed_at,
    confirmation: o.confirmation,
    cancelledAt: o.cancelled_at,
    cancelReason: o.cancel_reason,
    /** 短结: when and why the rest was closed, and the value taken off the total. */
    shortClosedAt: o.short_closed_at,
    shortCloseReason: o.short_close_reason,
    closedAmount: o.closed_amount,
    /** 归档: when the order became read-only (finished, paid, nothing open), or null. */
    archivedAt: o.archived_at,
    /** 外贸: money above is in `currency`; `rmbTotal` is the total at the stored rate of the order date. */
    ...exportTermsOf(o),
    rmbTotal: formatMoney(toRmb(total, o.exchange_rate)),
    rmbMargin: formatMoney(toRmb(total, o.exchange_rate) - cost),
    /** 赔货: fault, who bears the cost, why, and the order replaced. */
    replacement:
      o.order_type === 'replacement'
        ? {
            faultParty: o.fault_party,
            costBearer: o.cost_bearer,
            reason: o.replacement_reason,
            replacesOrderId: o.replaces_order_id,
          }
        : null,
    version: o.version,
    /** A change applied and not yet confirmed by the customer (变更待客户确认): its number, or null. */
    pendingChange: o.pending_change,
    /** The events the current user may apply now: the order page draws its buttons from them. */
    actions,
    createdAt: o.created_at,
    updatedAt: o.updated_at,
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      productId: l.product_id,
      sku: l.sku,
      name: l.name,
      spec: l.spec,
      unit: l.unit,
      qty: l.qty,
      unitPrice: l.unit_price,
      amount: l.amount,
      standardCost: l.standard_cost,
      gift: l.gift,
      reserved: l.reserved,
      backordered: l.backordered,
      shipped: l.shipped,
      closedQty: l.closed_qty,
    })),
  };
}
export type Order = ReturnType<typeof orderRowToOrder>;

const shipped = (lines: repo.OrderLineRow[]) => lines.reduce((n, l) => n + l.shipped, 0);

/** One order with its lines and what the user may do with it now (`now`: the request's clock, for claims). */
export async function getOrder(db: Db, actor: Actor, id: string, now?: Date): Promise<Order> {
  const row = await repo.findOrder(db, actor.companyId, id);
  if (!row) throw new AppError('ORDER.NOT_FOUND');
  const lines = await repo.findLines(db, actor.companyId, [id]);
  return presentOrder(db, actor, row, lines, { now });
}

/**
 * The order as getOrder answers it, from rows a write already holds: the order it locked (`afterMove` applied)
 * and its lines, and the review stages when the write knows them, so a write does not read its order back.
 */
export async function presentOrder(
  db: Db,
  actor: Actor,
  row: repo.OrderRow,
  lines: repo.OrderLineRow[],
  known: { now?: Date; stages?: readonly KnownStage[] } = {},
): Promise<Order> {
  const actions = await orderActions(db, actor, row, shipped(lines), known.now, known.stages);
  return orderRowToOrder(row, lines, actor.roles, actions);
}

/** The warehouse chosen, else the company's default (read with the registration's facts). */
async function resolveWarehouse(db: Db, actor: Actor, warehouseId: string | undefined, defaultId: string | null) {
  if (warehouseId) {
    const w = await findWarehouse(db, actor.companyId, warehouseId);
    if (!w) throw new AppError('WAREHOUSE.NOT_FOUND');
    return w.id;
  }
  if (!defaultId) throw new AppError('ORDER.NO_WAREHOUSE');
  return defaultId;
}

/** 订单登记: a numbered draft, priced on the server; defaults come from the customer. */
export async function registerOrder(db: Db, actor: Actor, env: Env, input: CreateOrderInput): Promise<Order> {
  const facts = await repo.registrationFacts(db, actor.companyId, input.customerId);
  if (!facts) throw new AppError('CUSTOMER.NOT_FOUND');
  const { stored_settings, default_warehouse_id, ...customer } = facts;
  if (!customer.active) throw new AppError('CUSTOMER.INACTIVE');
  const settings = settingsOf(stored_settings);
  const warehouseId = await resolveWarehouse(db, actor, input.warehouseId, default_warehouse_id);
  const tz = env.workingHours.timeZone;
  const seq = await repo.nextSequence(db, actor.companyId, customer.id, numberPeriod(env.now, tz));
  const number = formatOrderNumber(settings.orderNumberRule, {
    at: env.now,
    timeZone: tz,
    shortCode: customer.short_code,
    customerCode: customer.code,
    seq,
  });
  const today = localParts(env.now, tz);
  const orderDate = input.orderDate ?? `${today.yyyy}-${today.MM}-${today.dd}`;
  const defaults = customerDefaults(customer);
  // A contact or address picked from the customer's card as this user saw it (masked) keeps the card's value.
  const sent = unmaskedParts(actor.roles, input, defaults);

  const fx = await exportColumns(db, actor.companyId, input, { currency: 'CNY', order_date: orderDate });
  // The id is chosen here so that the order, its priced lines and its history row go in one statement.
  const id = randomUUID();
  const doc = {
    customerId: customer.id,
    day: orderDate,
    currency: fx.currency ?? 'CNY',
    rate: fx.exchange_rate ?? '1',
  };
  const priced = await priceLines(db, actor, id, input.lines, input.orderType, doc);
  assertReplacementMargin(input.replacement?.faultParty, priced);
  const inserted = await repo.insertOrderWithLines(
    db,
    {
      id,
      company_id: actor.companyId,
      number,
      status: 'draft',
      customer_id: customer.id,
      contact: JSON.stringify(sent.contact ?? defaults.contact),
      order_date: orderDate,
      ...fx,
      source: input.source,
      urgency: input.urgency,
      expected_delivery_date: input.expectedDeliveryDate ?? null,
      delivery: JSON.stringify(sent.delivery ?? defaults.delivery),
      payment_method: input.paymentMethod ?? customer.payment_method,
      payment_days: input.paymentDays ?? customer.payment_days,
      deposit_percent: input.depositPercent ?? null,
      order_type: input.orderType,
      buyer_remark: input.buyerRemark,
      seller_remark: input.sellerRemark,
      customer_po: input.customerPo,
      warehouse_id: warehouseId,
      written_confirmation_missing: input.source === 'phone',
      registrar_id: actor.userId,
      created_by: actor.userId,
      updated_by: actor.userId,
      total: priced.total,
      cost_total: priced.cost,
      ...(await replacementColumns(db, actor, customer.id, input.replacement)),
    },
    priced.rows,
    {
      company_id: actor.companyId,
      entity_type: 'order',
      entity_id: id,
      from_state: null,
      to_state: 'draft',
      event: 'register',
      actor_id: actor.userId,
      reason: null,
    },
  );
  return presentOrder(db, actor, inserted.row, inserted.lines);
}

/**
 * Contact and delivery as sent, except that a masked value sent back unchanged keeps the stored one; any other
 * masked value is refused, so that a role shown 138****5678 can never store it.
 */
function unmaskedParts(
  roles: readonly string[],
  input: Pick<UpdateOrderInput, 'contact' | 'delivery'> | Pick<CreateOrderInput, 'contact' | 'delivery'>,
  stored: Pick<repo.OrderRow, 'contact' | 'delivery'>,
) {
  const contact = input.contact && {
    ...input.contact,
    phone: keepStored(roles, 'contactPhone', input.contact.phone, stored.contact?.phone),
  };
  const delivery = input.delivery && {
    ...input.delivery,
    phone: keepStored(roles, 'consigneePhone', input.delivery.phone, stored.delivery?.phone),
    address: keepStored(roles, 'address', input.delivery.address, stored.delivery?.address),
  };
  const masked = [
    ['contact.phone', stillMasked(roles, 'contactPhone', contact?.phone)],
    ['delivery.phone', stillMasked(roles, 'consigneePhone', delivery?.phone)],
    ['delivery.address', stillMasked(roles, 'address', delivery?.address)],
  ] as const;
  const bad = masked.find(([, m]) => m);
  if (bad)
    throw new AppError('VALIDATION.FAILED', { summary: bad[0] }, [{ path: bad[0], message: 'must not contain *' }]);
  return { contact, delivery };
}

/** A draft (or a rejected order) is edited by its registrar only; a locked order never. */
export async function updateOrder(db: Db, actor: Actor, env: Env, id: string, input: UpdateOrderInput): Promise<Order> {
  if (!(await repo.lockOrder(db, actor.companyId, id))) throw new AppError('ORDER.NOT_FOUND');
  const order = (await repo.findOrder(db, actor.companyId, id))!;
  if (!EDITABLE.includes(order.status)) throw new AppError('ORDER.LOCKED');
  if (order.registrar_id !== actor.userId) throw new AppError('ORDER.NOT_REGISTRAR');
  if (input.version !== undefined && input.version !== order.version) throw new AppError('ORDER.VERSION_CONFLICT');
  const warehouseId = input.warehouseId ? await resolveWarehouse(db, actor, input.warehouseId, null) : undefined;
  const { contact, delivery } = unmaskedParts(actor.roles, input, order);
  const orderType = input.orderType ?? order.order_type;
  const fx = await exportColumns(db, actor.companyId, input, order);
  const doc = {
    customerId: order.customer_id,
    day: input.orderDate ?? order.order_date,
    currency: fx.currency ?? order.currency,
    rate: fx.exchange_rate ?? order.exchange_rate,
  };
  const priced = input.lines ? await priceLines(db, actor, id, input.lines, orderType, doc) : undefined;
  const fault = input.replacement === undefined ? order.fault_party : input.replacement?.faultParty;
  if (orderType === 'replacement' && !fault)
    throw new AppError('VALIDATION.FAILED', { summary: 'replacement' }, [
      { path: 'replacement', message: 'a replacement order needs replacement.faultParty, costBearer and reason' },
    ]);
  if (orderType === 'replacement')
    assertReplacementMargin(fault ?? undefined, priced ?? { total: order.total, cost: order.cost_total });
  if (priced) await repo.replaceLines(db, actor.companyId, id, priced.rows);
  const replacement =
    orderType !== 'replacement'
      ? await replacementColumns(db, actor, order.customer_id, null)
      : input.replacement
        ? await replacementColumns(db, actor, order.customer_id, input.replacement)
        : {};
  await repo.updateOrder(db, actor.companyId, id, {
    contact: contact === undefined ? undefined : JSON.stringify(contact),
    order_date: input.orderDate,
    ...fx,
    source: input.source,
    urgency: input.urgency,
    expected_delivery_date: input.expectedDeliveryDate,
    delivery: delivery === undefined ? undefined : JSON.stringify(delivery),
    payment_method: input.paymentMethod,
    payment_days: input.paymentDays,
    deposit_percent: input.depositPercent,
    order_type: input.orderType,
    buyer_remark: input.buyerRemark,
    seller_remark: input.sellerRemark,
    customer_po: input.customerPo,
    warehouse_id: warehouseId,
    total: priced?.total,
    cost_total: priced?.cost,
    written_confirmation_missing: input.source
      ? input.source === 'phone' && !(await hasWrittenConfirmation(db, actor, id))
      : undefined,
    ...replacement,
    version: order.version + 1,
    updated_at: env.now,
    updated_by: actor.userId,
  });
  return getOrder(db, actor, id);
}

/** 赔货 for the company's own fault is zero-profit at most: no line total below its cost. */
function assertReplacementMargin(faultParty: string | undefined, priced: { total: string; cost: string }) {
  if (faultParty === 'company' && parseMoney(priced.total) < parseMoney(priced.cost))
    throw new AppError('ORDER.REPLACEMENT_MARGIN', {}, [
      { path: 'lines', message: `total ${priced.total} < cost ${priced.cost}` },
    ]);
}

/** The replacement facts as columns; the replaced order must be the same customer's. */
async function replacementColumns(db: Db, actor: Actor, customerId: string, r: CreateOrderInput['replacement'] | null) {
  if (r?.replacesOrderId) {
    const original = await repo.findOrder(db, actor.companyId, r.replacesOrderId);
    if (!original || original.customer_id !== customerId)
      throw new AppError('VALIDATION.FAILED', { summary: 'replacement.replacesOrderId' }, [
        { path: 'replacement.replacesOrderId', message: "not an order of this customer's" },
      ]);
  }
  return {
    fault_party: r?.faultParty ?? null,
    cost_bearer: r?.costBearer ?? null,
    replacement_reason: r?.reason ?? null,
    replaces_order_id: r?.replacesOrderId ?? null,
  };
}

export async function orderHistory(db: Db, actor: Actor, id: string) {
  const order = await repo.findOrder(db, actor.companyId, id);
  if (!order) throw new AppError('ORDER.NOT_FOUND');
  const rows = await listHistory(db, actor.companyId, 'order', id);
  return rows.map((r) => ({
    id: r.id,
    from: r.from_state,
    to: r.to_state,
    event: r.event,
    actorId: r.actor_id,
    actorName: r.actor_name,
    at: r.at,
    reason: r.reason,
  }));
}

export async function hasWrittenConfirmation(db: Db, actor: Actor, orderId: string) {
  return (await listAttachments(db, actor.companyId, 'order', orderId)).some((a) => a.kind === 'written_confirmation');
}
