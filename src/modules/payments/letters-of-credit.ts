import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { parseMoney } from '../../lib/money';
import type { Actor } from '../auth/auth.service';
import { covers } from './payment-gates';
import { todayOf } from '../../lib/local-date';
import * as repo from './payment.repository';

/** 信用证: recorded and checked by finance; a valid one covers the order until its latest shipment date. */
export async function recordLetterOfCredit(
  db: Db,
  actor: Actor,
  orderId: string,
  lc: { number: string; amount: string; expiryDate: string; latestShipmentDate: string },
) {
  if (!(await repo.orderPaymentTerms(db, actor.companyId, orderId))) throw new AppError('ORDER.NOT_FOUND');
  await repo.insertLetterOfCredit(db, {
    company_id: actor.companyId,
    order_id: orderId,
    number: lc.number,
    amount: lc.amount,
    expiry_date: lc.expiryDate,
    latest_shipment_date: lc.latestShipmentDate,
    checked_by: actor.userId,
  });
}

/** 信用证登记: every recorded credit with its order, and whether it is still valid today. */
export async function listLettersOfCredit(db: Db, actor: Actor, env: Env) {
  const today = todayOf(env);
  const rows = await repo.listLettersOfCredit(db, actor.companyId);
  return rows.map((r) => ({
    id: r.id,
    orderId: r.order_id,
    orderNumber: r.order_number,
    customerName: r.customer_name,
    number: r.number,
    amount: r.amount,
    expiryDate: r.expiry_date,
    latestShipmentDate: r.latest_shipment_date,
    checkedBy: r.display_name,
    checkedAt: r.checked_at,
    valid: covers(r, parseMoney(r.total), today),
  }));
}
