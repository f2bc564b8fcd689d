import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { formatMoney, parseMoney } from '../../lib/money';
import { applyEvent, refusal } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import * as repo from './allocation.repository';
import * as reservationRepo from './reservation.repository';
import { lockMoney, setMoney } from './franchisee-money';
import { addPickLines, type PickLine } from './pick-lists';
import { reservationMachine, type ReservationGuardContext } from './reservation.machine';
import { reasonCode } from '../../lib/reason-codes';

/** Sets funds and credit; a payment converts held reservations to shipments as far as the money reaches. */
export async function updateFranchiseeMoney(
  db: Db,
  actor: Actor,
  env: Env,
  customerId: string,
  body: { funds?: string; credit?: string; reason: string },
) {
  const after = await setMoney(db, actor, customerId, { ...body, at: env.now });
  const { converted } = await convertOnPayment(db, actor, env, customerId);
  return { funds: formatMoney(after.funds), credit: formatMoney(after.credit), converted };
}

/**
 * A franchisee who pays before expiry gets held units converted to shipments, in launch-plan order, as far as
 * funds + credit reach beyond what open pick lists already plan to charge. Only reservations of orders that
 * may still ship convert (never a cancelled order's). A reservation the money covers in part is split: the
 * covered part becomes a reservation of its own (held, then converted), the rest stays held.
 */
export async function convertOnPayment(db: Db, actor: Actor, env: Env, customerId: string) {
  const money = await lockMoney(db, actor.companyId, customerId);
  let purse = money.funds + money.credit - parseMoney(await repo.plannedCharge(db, actor.companyId, customerId));
  const lines: (PickLine & { warehouseId: string; runId: string })[] = [];
  for (const r of await reservationRepo.heldForCustomer(db, actor.companyId, customerId)) {
    const context: ReservationGuardContext = { order: { number: r.order_number, status: r.order_status } };
    if (refusal(reservationMachine, r.status, 'convert', actor, context)) continue;
    const price = parseMoney(r.unit_price);
    const take = price === 0n ? r.qty : Math.min(r.qty, Number(purse > 0n ? purse / price : 0n));
    if (take <= 0) continue;
    purse -= price * BigInt(take);
    let converting = r.id;
    if (take < r.qty) {
      await reservationRepo.setReservationQty(db, actor.companyId, r.id, r.qty - take);
      const { company_id, run_id, warehouse_id, expires_on, customer_id, order_id, line_no, product_id } = r;
      [converting] = await reservationRepo.insertReservations(db, { company_id, run_id, warehouse_id, expires_on }, [
        { customer_id, order_id, line_no, product_id, qty: take, unit_price: r.unit_price },
      ]);
    }
    await applyEvent(db, reservationMachine, {
      entityId: converting,
      current: 'held',
      event: 'convert',
      actor,
      context,
      at: env.now,
      reason: reasonCode('franchisee_paid'),
      patch: { closed_at: env.now },
    });
    lines.push({
      productId: r.product_id,
      qty: take,
      orderId: r.order_id,
      orderLineNo: r.line_no,
      unitPrice: r.unit_price,
      warehouseId: r.warehouse_id,
      runId: r.run_id,
    });
  }
  if (lines.length)
    await addPickLines(
      db,
      actor,
      {
        runId: lines[0].runId,
        warehouseId: lines[0].warehouseId,
        kind: 'franchisee',
        targetId: customerId,
        name: await repo.customerCode(db, actor.companyId, customerId),
      },
      lines,
    );
  return { converted: lines.reduce((n, l) => n + l.qty, 0) };
}
