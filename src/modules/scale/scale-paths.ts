import type { OrderEvent } from '../orders/order.machine';
import type { OrderStatus } from '../orders/order.table';
import type { Random } from './scale-names';

// The path an order of the scale seed took through the order machine (order.machine.ts) to reach its status,
// with the time of each step: older orders are mostly completed, recent ones spread over the open states.

export type Step = {
  from: string | null;
  to: string;
  event: OrderEvent | 'register' | string;
  at: Date;
  /** Who took the step (a key of ScaleUsers); the registrar when absent. */
  by?: 'reviewer' | 'finance' | 'director' | 'orderAdmin' | 'warehouse' | 'service';
};

type Weights = readonly (readonly [OrderStatus, number])[];
const OLD: Weights = [
  ['completed', 90],
  ['cancelled', 5],
  ['delivered', 3],
  ['rejected', 2],
];
const RECENT: Weights = [
  ['completed', 55],
  ['delivered', 20],
  ['shipped', 8],
  ['partially_shipped', 3],
  ['cancelled', 6],
  ['on_hold', 2],
  ['in_fulfillment', 2],
  ['confirmed', 2],
  ['rejected', 2],
];
const NEW: Weights = [
  ['draft', 6],
  ['in_review', 10],
  ['awaiting_confirmation', 8],
  ['confirmed', 12],
  ['in_fulfillment', 10],
  ['partially_shipped', 6],
  ['shipped', 20],
  ['delivered', 13],
  ['completed', 5],
  ['cancelled', 4],
  ['rejected', 3],
  ['on_hold', 3],
];

export const pickStatus = (r: Random, ageDays: number): OrderStatus =>
  r.weighted(ageDays > 60 ? OLD : ageDays > 15 ? RECENT : NEW);

const H = 3_600_000;
/** Each step's event, the state it leads to, who takes it, and its usual delay after the previous step (hours). */
const STEP: Record<string, { to: OrderStatus; by?: Step['by']; after: number }> = {
  submit: { to: 'in_review', after: 0.2 },
  approve_stage: { to: 'in_review', by: 'reviewer', after: 1 },
  approve_final: { to: 'awaiting_confirmation', by: 'finance', after: 1 },
  reject: { to: 'rejected', by: 'reviewer', after: 1 },
  confirm: { to: 'confirmed', by: 'orderAdmin', after: 2 },
  hold: { to: 'on_hold', by: 'orderAdmin', after: 20 },
  start_fulfillment: { to: 'in_fulfillment', by: 'warehouse', after: 4 },
  ship_partial: { to: 'partially_shipped', by: 'warehouse', after: 20 },
  ship_all: { to: 'shipped', by: 'warehouse', after: 20 },
  deliver: { to: 'delivered', by: 'service', after: 60 },
  complete: { to: 'completed', by: 'service', after: 240 },
  cancel: { to: 'cancelled', by: 'director', after: 24 },
};

const REVIEWED = ['submit', 'approve_stage', 'approve_final'];
const CONFIRMED = [...REVIEWED, 'confirm'];
const SHIPPED = [...CONFIRMED, 'start_fulfillment', 'ship_all'];
const EVENTS: Record<OrderStatus, string[]> = {
  draft: [],
  in_review: ['submit'],
  rejected: ['submit', 'reject'],
  awaiting_confirmation: REVIEWED,
  confirmed: CONFIRMED,
  on_hold: [...CONFIRMED, 'hold'],
  in_fulfillment: [...CONFIRMED, 'start_fulfillment'],
  partially_shipped: [...CONFIRMED, 'start_fulfillment', 'ship_partial'],
  shipped: SHIPPED,
  delivered: [...SHIPPED, 'deliver'],
  completed: [...SHIPPED, 'deliver', 'complete'],
  cancelled: [],
};

/** The steps from registration to `status`, compressed to fit when the order is younger than the usual path. */
export function orderPath(status: OrderStatus, r: Random, created: Date, now: Date): Step[] {
  const events =
    status === 'cancelled' ? (r.next() < 0.5 ? ['submit', 'cancel'] : [...REVIEWED, 'cancel']) : EVENTS[status];
  const delays = events.map((e) => STEP[e].after * (0.5 + r.next()) * H);
  const needed = delays.reduce((n, d) => n + d, 0);
  const room = (now.getTime() - created.getTime()) * 0.9;
  const scale = needed > room ? room / needed : 1;
  const steps: Step[] = [{ from: null, to: 'draft', event: 'register', at: created }];
  let t = created.getTime();
  let from: string = 'draft';
  events.forEach((e, i) => {
    t += Math.max(1000, Math.floor(delays[i] * scale));
    steps.push({ from, to: STEP[e].to, event: e, at: new Date(t), by: STEP[e].by });
    from = STEP[e].to;
  });
  return steps;
}
