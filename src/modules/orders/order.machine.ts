import { defineMachine, statusColumn, type Guard } from '../../lib/state-machine';
import type { OrderStatus } from './order.table';
import { orderLabels } from './order.labels';

export type OrderEvent =
  | 'submit'
  | 'approve_stage'
  | 'approve_final'
  | 'reject'
  | 'escalate_credit'
  | 'confirm'
  | 'cancel'
  | 'hold'
  | 'resume'
  | 'start_fulfillment'
  | 'ship_partial'
  | 'ship_all'
  | 'deliver'
  | 'complete'
  | 'short_close'
  | 'short_close_delivered';

/** Facts the guards look at, gathered by the service before it applies an event. */
export type OrderGuardContext = {
  shippedUnits: number;
  registrarId?: string;
  /** The review stage being decided, when the event decides one. */
  stage?: { stage: string; role: string; claimedBy: string | null; claimExpiresAt: Date | null };
  now?: Date;
  /** Complaints on the order not closed yet (gathered before `complete`). */
  openComplaints?: number;
  /** Short-close facts: the order's shipments still in the warehouse, and those on the way (not delivered). */
  shipmentsInWarehouse?: number;
  undeliveredShipments?: number;
};

/** Nothing of the order has left the warehouse. */
export const nothingShipped: Guard<OrderGuardContext> = (c) =>
  c.shippedUnits > 0 ? 'ORDER.ALREADY_SHIPPED' : undefined;

/** No complaint on the order is still open (or resolved but not closed with the customer). 未结投诉不可完成 */
export const noOpenComplaint: Guard<OrderGuardContext> = (c) =>
  c.openComplaints === 0 ? undefined : { code: 'ORDER.OPEN_COMPLAINT', params: { count: c.openComplaints ?? '?' } };

/** Something of the order has shipped (short-closing an unshipped order is a cancellation). */
export const somethingShipped: Guard<OrderGuardContext> = (c) =>
  c.shippedUnits > 0 ? undefined : 'ORDER.NOTHING_SHIPPED';

/** No outbound order of it is still in the warehouse (ship or cancel it first). */
export const noShipmentInWarehouse: Guard<OrderGuardContext> = (c) =>
  (c.shipmentsInWarehouse ?? 0) > 0
    ? { code: 'ORDER.SHIPMENT_IN_WAREHOUSE', params: { count: c.shipmentsInWarehouse ?? 0 } }
    : undefined;

/** Some shipment of the order is still on its way: short-closed, the order is shipped. */
export const someShipmentUnderway: Guard<OrderGuardContext> = (c) =>
  (c.undeliveredShipments ?? 0) > 0 ? undefined : 'STATE.ILLEGAL_TRANSITION';

/** Every shipment of the order has arrived: short-closed, the order is delivered. */
export const allShipmentsDelivered: Guard<OrderGuardContext> = (c) =>
  (c.undeliveredShipments ?? 0) === 0 ? undefined : 'STATE.ILLEGAL_TRANSITION';

/** Only the registrar submits their order (admins may). */
export const byRegistrar: Guard<OrderGuardContext> = (c) =>
  c.registrarId === c.actor.userId || c.actor.roles.includes('admin') ? undefined : 'ORDER.NOT_REGISTRAR';

/** A review decision: a current stage, not one's own order (admins included), one's role, not claimed by another. */
export const reviewerOfCurrentStage: Guard<OrderGuardContext> = (c) => {
  if (!c.stage) return 'STATE.ILLEGAL_TRANSITION';
  if (c.registrarId === c.actor.userId) return 'REVIEW.OWN_ORDER';
  if (!c.actor.roles.some((r) => r === 'admin' || r === c.stage!.role))
    return { code: 'REVIEW.NOT_YOUR_STAGE', params: { stage: c.stage.stage, role: c.stage.role } };
  const { claimedBy, claimExpiresAt } = c.stage;
  if (claimedBy && claimedBy !== c.actor.userId && claimExpiresAt && c.now && claimExpiresAt > c.now)
    return 'REVIEW.CLAIMED';
  return undefined;
};

const REVIEWERS = ['reviewer', 'finance', 'production_planner', 'sales_director', 'general_manager'];
const CONFIRMERS = ['sales_assistant', 'order_admin'];
/** The customer confirms its own order in the portal (客户门户, electronic confirmation). */
const CUSTOMER_CONFIRMERS = [...CONFIRMERS, 'customer'];
const SHORT_CLOSERS = ['order_admin', 'sales_director'];

// 销售订单生命周期: the one table of allowed moves (spec: States of a sales order).
export const orderMachine = defineMachine<OrderStatus, OrderEvent, OrderGuardContext>({
  entity: 'order',
  labels: orderLabels,
  store: statusColumn('orders', { stamp: { at: 'updated_at', by: 'updated_by' } }),
  publish: {
    approve_final: 'order.awaiting_confirmation',
    confirm: 'order.confirmed',
    cancel: 'order.cancelled',
    hold: 'order.held',
    resume: 'order.resumed',
    complete: 'order.completed',
    short_close: 'order.short_closed',
    short_close_delivered: 'order.short_closed',
  },
  initial: 'draft',
  states: [
    'draft',
    'in_review',
    'rejected',
    'awaiting_confirmation',
    'confirmed',
    'in_fulfillment',
    'partially_shipped',
    'shipped',
    'delivered',
    'completed',
    'cancelled',
    'on_hold',
  ],
  transitions: [
    {
      from: ['draft', 'rejected'],
      event: 'submit',
      to: 'in_review',
      roles: ['sales_assistant'],
      guards: [byRegistrar],
    },
    {
      from: ['in_review'],
      event: 'approve_stage',
      to: 'in_review',
      roles: REVIEWERS,
      guards: [reviewerOfCurrentStage],
    },
    {
      from: ['in_review'],
      event: 'approve_final',
      to: 'awaiting_confirmation',
      roles: REVIEWERS,
      guards: [reviewerOfCurrentStage],
    },
    { from: ['in_review'], event: 'reject', to: 'rejected', roles: REVIEWERS, guards: [reviewerOfCurrentStage] },
    { from: ['awaiting_confirmation'], event: 'escalate_credit', to: 'in_review', roles: CUSTOMER_CONFIRMERS },
    { from: ['awaiting_confirmation'], event: 'confirm', to: 'confirmed', roles: CUSTOMER_CONFIRMERS },
    {
      from: ['draft', 'rejected', 'in_review', 'awaiting_confirmation', 'confirmed', 'in_fulfillment', 'on_hold'],
      event: 'cancel',
      to: 'cancelled',
      roles: ['sales_director', 'reviewer', 'general_manager'],
      guards: [nothingShipped],
    },
    { from: ['confirmed', 'in_fulfillment'], event: 'hold', to: 'on_hold', roles: ['order_admin', 'sales_director'] },
    {
      from: ['on_hold'],
      event: 'resume',
      to: 'confirmed',
      roles: ['order_admin', 'sales_director'],
      guards: [nothingShipped],
    },
    {
      from: ['confirmed'],
      event: 'start_fulfillment',
      to: 'in_fulfillment',
      roles: ['order_admin', 'warehouse', 'allocation_planner'],
    },
    {
      from: ['confirmed', 'in_fulfillment', 'partially_shipped'],
      event: 'ship_partial',
      to: 'partially_shipped',
      roles: ['warehouse'],
    },
    {
      from: ['shipped'],
      event: 'deliver',
      to: 'delivered',
      roles: ['logistics', 'customer_service', 'warehouse', 'customer'],
    },
    {
      from: ['confirmed', 'in_fulfillment', 'partially_shipped'],
      event: 'ship_all',
      to: 'shipped',
      roles: ['warehouse'],
    },
    {
      from: ['delivered'],
      event: 'complete',
      to: 'completed',
      roles: ['customer_service', 'order_admin', 'finance'],
      guards: [noOpenComplaint],
    },
    // 短结: a partly shipped order closed for the rest; it ends as its shipments stand (on the way or arrived).
    {
      from: ['confirmed', 'in_fulfillment', 'partially_shipped'],
      event: 'short_close',
      to: 'shipped',
      roles: SHORT_CLOSERS,
      guards: [somethingShipped, noShipmentInWarehouse, someShipmentUnderway],
    },
    {
      from: ['confirmed', 'in_fulfillment', 'partially_shipped'],
      event: 'short_close_delivered',
      to: 'delivered',
      roles: SHORT_CLOSERS,
      guards: [somethingShipped, noShipmentInWarehouse, allShipmentsDelivered],
    },
  ],
});

/** Statuses in which an order's lines may still be edited by its registrar. */
export const EDITABLE: readonly OrderStatus[] = ['draft', 'rejected'];
/** Locked orders with goods still to go out: what the warehouse may ship, allocation may fill. 可发货 */
export const SHIPPABLE: readonly OrderStatus[] = ['confirmed', 'in_fulfillment', 'partially_shipped'];
/** Locked orders whose lines still hold stock or backorders (shippable, or held as an exception). */
export const OPEN_LOCKED: readonly OrderStatus[] = [...SHIPPABLE, 'on_hold'];
/** Orders the customer confirmed and that were not cancelled: they count as the customer's business. */
export const CONFIRMED_BUSINESS: readonly OrderStatus[] = [...OPEN_LOCKED, 'shipped', 'delivered', 'completed'];
/** Statuses that hold the customer's credit (open confirmed orders). */
export const CREDIT_HOLDING: readonly OrderStatus[] = [
  'confirmed',
  'in_fulfillment',
  'partially_shipped',
  'shipped',
  'delivered',
  'on_hold',
];
/** Who may ask for a change of a confirmed order (订单变更申请, src/modules/changes), while it is shippable. */
export const CHANGE_REQUESTERS: readonly string[] = ['sales_assistant', 'customer_service'];
