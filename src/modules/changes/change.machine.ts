import { defineMachine, statusColumn, type Guard } from '../../lib/state-machine';
import { CHANGE_REQUESTERS } from '../orders/order.machine';
import type { ChangeStatus } from './change.table';
import { changeLabels } from './change.labels';

export type ChangeEvent = 'submit' | 'approve' | 'reject' | 'apply' | 'confirm' | 'cancel';

/** Facts the guards look at, gathered by the use case before it applies an event. */
export type ChangeGuardContext = {
  /** The order version the change was based on, and the order's version now. */
  baseVersion?: number;
  orderVersion?: number;
  /** Approval stages not yet approved. */
  openStages?: number;
};

/** Sales and customer service open a change, submit it and record the customer's confirmation. */
export const CHANGE_OPENERS = [...CHANGE_REQUESTERS];
/** The order desk applies an approved change to the order (stock, shipments, version). */
export const CHANGE_APPLIERS = ['order_admin'];
/** The roles that decide approval stages of a change (each its own stage). */
export const CHANGE_DECIDERS = [
  'reviewer',
  'finance',
  'warehouse',
  'production_planner',
  'sales_director',
  'general_manager',
];

/** A change applies only to the order version it was based on (two changes cannot both apply on one version). */
export const basedOnCurrentVersion: Guard<ChangeGuardContext> = (c) =>
  c.baseVersion !== undefined && c.orderVersion !== undefined && c.baseVersion !== c.orderVersion
    ? { code: 'CHANGE.VERSION_MOVED', params: { base: c.baseVersion, current: c.orderVersion } }
    : undefined;

/** The change is approved only when every stage is. */
export const everyStageApproved: Guard<ChangeGuardContext> = (c) =>
  c.openStages ? { code: 'CHANGE.STAGES_OPEN', params: { count: c.openStages } } : undefined;

/** Requests still open (not applied, rejected or cancelled): they may still be cancelled. */
export const OPEN_CHANGE: readonly ChangeStatus[] = ['draft', 'submitted', 'approved'];
/** Applied, waiting for the customer's confirmation: the order shows "change awaiting customer". */
export const AWAITING_CUSTOMER: readonly ChangeStatus[] = ['applied'];

// 订单变更申请: drafted, submitted for approval (stage by stage), approved, applied to the order as a new
// version, then confirmed by the customer; rejected at any stage or cancelled before it is applied.
export const changeMachine = defineMachine<ChangeStatus, ChangeEvent, ChangeGuardContext>({
  entity: 'change_request',
  labels: changeLabels,
  store: statusColumn('change_requests', { stamp: { at: 'updated_at', by: 'updated_by' } }),
  initial: 'draft',
  states: ['draft', 'submitted', 'approved', 'rejected', 'applied', 'customer_confirmed', 'cancelled'],
  transitions: [
    { from: ['draft'], event: 'submit', to: 'submitted', roles: CHANGE_OPENERS },
    {
      from: ['submitted'],
      event: 'approve',
      to: 'approved',
      roles: CHANGE_DECIDERS,
      guards: [everyStageApproved],
    },
    { from: ['submitted'], event: 'reject', to: 'rejected', roles: CHANGE_DECIDERS },
    { from: ['approved'], event: 'apply', to: 'applied', roles: CHANGE_APPLIERS, guards: [basedOnCurrentVersion] },
    { from: ['applied'], event: 'confirm', to: 'customer_confirmed', roles: [...CHANGE_OPENERS, 'customer'] },
    { from: OPEN_CHANGE, event: 'cancel', to: 'cancelled', roles: [...CHANGE_OPENERS, ...CHANGE_APPLIERS] },
  ],
});
