import type { Db } from '../../db/database';
import { availableEvents } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import * as reviewRepo from '../review/review.repository';
import { CHANGE_REQUESTERS, orderMachine, SHIPPABLE, type OrderEvent, type OrderGuardContext } from './order.machine';
import { shipmentCounts } from './short-close.repository';
import { COMPLAINABLE_ORDER } from '../feedback/complaint.machine';
import { hasRole } from '../auth/roles';
import type { OrderStatus } from './order.table';
import * as repo from './order.repository';

type OrderFacts = {
  id: string;
  status: OrderStatus;
  registrar_id: string;
  review_round: number;
  archived_at?: Date | null;
};

/** The order's review stages as `listStages` reads them, or as far as the guards look at them. */
export type KnownStage = Pick<
  reviewRepo.StageRow,
  'round' | 'seq' | 'status' | 'stage' | 'role' | 'claimed_by' | 'claim_expires_at'
>;

/**
 * The facts the order machine's guards look at, gathered as each use case gathers them before its event. `stages`:
 * the order's stages as a write just left them under the order lock, so they are not read again.
 */
async function guardFacts(
  db: Db,
  actor: Actor,
  o: OrderFacts,
  shippedUnits: number,
  now?: Date,
  stages?: readonly KnownStage[],
): Promise<{ context: OrderGuardContext; lastStage: boolean }> {
  const context: OrderGuardContext = { shippedUnits, registrarId: o.registrar_id, now };
  let lastStage = false;
  if (o.status === 'in_review') {
    const pending = (stages ?? (await reviewRepo.listStages(db, actor.companyId, o.id))).filter(
      (s) => s.round === o.review_round && s.status === 'pending',
    );
    const stage = pending[0];
    lastStage = pending.length === 1;
    if (stage)
      context.stage = {
        stage: stage.stage,
        role: stage.role,
        claimedBy: stage.claimed_by,
        claimExpiresAt: stage.claim_expires_at,
      };
  }
  if (shippedUnits > 0 && SHIPPABLE.includes(o.status)) {
    const shipments = await shipmentCounts(db, actor.companyId, o.id);
    context.shipmentsInWarehouse = shipments.inWarehouse;
    context.undeliveredShipments = shipments.undelivered;
  }
  if (o.status === 'delivered') context.openComplaints = await repo.countUnclosedComplaints(db, actor.companyId, o.id);
  return { context, lastStage };
}

/**
 * What this user may do with the order now (`actions`): the order machine's events whose role and guards pass.
 * A review decision shows as the one event it would be (approve_stage, or approve_final at the last stage).
 */
/**
 * What the order page offers: the machine's events, registering a complaint (登记投诉) once goods left, and asking
 * for a change (a change request of its own).
 */
/** Who makes outbound orders (POST /api/shipments admits the same roles). */
export const SHIPMENT_CREATORS = ['warehouse', 'order_admin'];

export type OrderAction = OrderEvent | 'complain' | 'request_change' | 'create_shipment';

export async function orderActions(
  db: Db,
  actor: Actor,
  o: OrderFacts,
  shippedUnits: number,
  now?: Date,
  stages?: readonly KnownStage[],
): Promise<OrderAction[]> {
  // 归档: an archived order is read-only, so it offers nothing to do.
  if (o.archived_at) return [];
  const { context, lastStage } = await guardFacts(db, actor, o, shippedUnits, now, stages);
  const events = availableEvents(orderMachine, o.status, actor, context);
  // A short-close shows as one action, whichever state it ends in.
  const actions: OrderAction[] = events
    .map((e): OrderEvent => (e === 'short_close_delivered' ? 'short_close' : e))
    .filter((e) => e !== (lastStage ? 'approve_stage' : 'approve_final'));
  if (COMPLAINABLE_ORDER.includes(o.status) && hasRole(actor.roles, ['customer_service'])) actions.push('complain');
  const mayRequestChange = actor.roles.some((r) => r === 'admin' || CHANGE_REQUESTERS.includes(r));
  if (SHIPPABLE.includes(o.status) && mayRequestChange) actions.push('request_change');
  // An outbound order (出库单) is made for an order still to ship, by the warehouse or the order desk.
  if (SHIPPABLE.includes(o.status) && hasRole(actor.roles, SHIPMENT_CREATORS)) actions.push('create_shipment');
  return actions;
}
