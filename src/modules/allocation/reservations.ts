import { sql, type Kysely } from 'kysely';
import type { DB, Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { applyEvent, availableEvents } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { releaseReserved } from '../stock/stock.service';
import * as pickListRepo from './pick-list.repository';
import * as reservationRepo from './reservation.repository';
import { cancelEmptiedPickLists } from './pick-lists';
import { reservationMachine, type ReservationStatus } from './reservation.machine';
import { reasonCode } from '../../lib/reason-codes';

export async function listReservations(db: Db, actor: Actor, q: { status?: ReservationStatus; today: string }) {
  const rows = await reservationRepo.listReservationRows(db, actor.companyId, q.status);
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  return rows.map((r) => ({
    id: r.id,
    runId: r.run_id,
    customerId: r.customer_id,
    customerCode: r.customer_code,
    customerName: r.customer_name,
    orderId: r.order_id,
    orderNumber: r.order_number,
    lineNo: r.line_no,
    sku: r.sku,
    qty: r.qty,
    unitPrice: r.unit_price,
    expiresOn: r.expires_on,
    status: r.status,
    daysLeft: r.status === 'held' ? day(r.expires_on) - day(q.today) : null,
    actions: availableEvents(reservationMachine, r.status, actor),
  }));
}

/** The expiry job acts in the name of the planner who committed the run. */
const systemActor = (companyId: string, userId: string): Actor => ({
  userId,
  username: 'system',
  displayName: 'system',
  companyId,
  roles: ['system'],
  sessionId: '',
  sessionKind: 'token',
  csrfToken: '',
});

/**
 * Releases every held reservation whose day has come (expiresOn ≤ today): stock goes back to available, the
 * order line back to backordered, and the units join the next run. Each reservation is handled in its own
 * transaction, locked and re-read there, so two runners never release one twice and one bad row never stops
 * the others (of any company); failures are reported to `onError` and retried on the next run.
 */
export async function expireReservations(
  db: Kysely<DB>,
  today: string,
  now: Date,
  onError: (e: unknown, r: { companyId: string; id: string }) => void = () => {},
) {
  let expired = 0;
  for (const r of await reservationRepo.dueReservations(db, today)) {
    try {
      if (await db.transaction().execute((trx) => expireReservation(trx, r.company_id, r.id, now))) expired++;
    } catch (e) {
      onError(e, { companyId: r.company_id, id: r.id });
    }
  }
  return expired;
}

async function expireReservation(db: Db, companyId: string, id: string, now: Date) {
  const r = await reservationRepo.lockReservation(db, companyId, id);
  if (!r || r.status !== 'held') return false;
  const actor = systemActor(companyId, await reservationRepo.runCreator(db, companyId, r.run_id));
  await applyEvent(db, reservationMachine, {
    entityId: id,
    current: r.status,
    event: 'expire',
    actor,
    context: {},
    at: now,
    reason: reasonCode('reservation_expired'),
    patch: { closed_at: now },
    effects: () => giveBack(db, actor, r, reasonCode('reservation_expired')),
  });
  return true;
}

/** Held units go back to available stock, and their order line back to backordered (the next run fills it). */
async function giveBack(db: Db, actor: Actor, r: reservationRepo.ReservationRow, reason: string) {
  const reference = `ALLOC-${r.run_id.slice(0, 8)}`;
  await releaseReserved(
    db,
    actor,
    [{ warehouseId: r.warehouse_id, productId: r.product_id, qty: r.qty, reference }],
    reason,
  );
  await reservationRepo.backorderReserved(db, actor.companyId, r.order_id, r.line_no, r.qty);
}

/** The planner releases a held reservation before its day: the units go back as on expiry. */
export async function releaseReservation(db: Db, actor: Actor, env: Env, id: string) {
  const r = await reservationRepo.lockReservation(db, actor.companyId, id);
  if (!r) throw new AppError('RESERVATION.NOT_FOUND');
  const status = await applyEvent(db, reservationMachine, {
    entityId: id,
    current: r.status,
    event: 'release',
    actor,
    context: {},
    at: env.now,
    reason: reasonCode('reservation_released'),
    patch: { closed_at: env.now },
    effects: () => giveBack(db, actor, r, reasonCode('reservation_released')),
  });
  return { id, status, qty: r.qty, actions: availableEvents(reservationMachine, status, actor) };
}

/**
 * A cancelled order's held reservations are released and its lines leave open pick lists (a list left empty
 * is cancelled). The order's cancellation itself returns the reserved stock of its lines, held units included.
 */
export async function releaseOrderAllocation(db: Db, actor: Actor, orderId: string, at?: Date) {
  for (const r of await reservationRepo.heldForOrder(db, actor.companyId, orderId))
    await applyEvent(db, reservationMachine, {
      entityId: r.id,
      current: r.status,
      event: 'release',
      actor,
      context: {},
      at,
      reason: reasonCode('order_cancelled'),
      patch: { closed_at: at ?? sql`now()` },
    });
  await cancelEmptiedPickLists(
    db,
    actor,
    await pickListRepo.removeOrderFromOpenPickLists(db, actor.companyId, orderId),
    at,
  );
}

/**
 * An applied order change takes units away from lines: each line's held reservations shrink to what the line
 * still reserves (`keep`), newest first; a hold no longer needed at all is released through the machine. The
 * change itself returns the stock (its release moves the line's reserved units), so nothing is given back here.
 */
export async function releaseLineHolds(
  db: Db,
  actor: Actor,
  orderId: string,
  lines: { lineNo: number; keep: number }[],
  at: Date,
  reason: string,
) {
  const keep = new Map(lines.map((l) => [l.lineNo, l.keep]));
  const held = (await reservationRepo.heldForOrder(db, actor.companyId, orderId)).filter((r) => keep.has(r.line_no));
  for (const [lineNo, kept] of keep) {
    const rows = held.filter((r) => r.line_no === lineNo).reverse();
    let excess = rows.reduce((s, r) => s + r.qty, 0) - Math.max(0, kept);
    for (const r of rows) {
      if (excess <= 0) break;
      if (r.qty <= excess)
        await applyEvent(db, reservationMachine, {
          entityId: r.id,
          current: r.status,
          event: 'release',
          actor,
          context: {},
          at,
          reason,
          patch: { closed_at: at },
        });
      else await reservationRepo.setReservationQty(db, actor.companyId, r.id, r.qty - excess);
      excess -= Math.min(r.qty, excess);
    }
  }
}
