import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { addDays } from '../../lib/calendar/calendar';
import { formatMoney, parseMoney, percentOf } from '../../lib/money';
import { getSettings } from '../settings/settings.service';
import { orderPaid } from './payment.service';

export type GateName = 'production' | 'ship';
export type Gate = { gate: GateName; ok: boolean; waitsFor: string; checkBy?: string; late?: boolean };
type OrderFacts = {
  id: string;
  total: string;
  payment_method: string;
  deposit_percent: string | null;
  expected_delivery_date: string | null;
};

/**
 * 付款条件: what the order's payment terms require before production and before shipping.
 * Prepaid ships after the receipt covers the order; T/T produces after the deposit and ships after
 * the balance; L/C ships against a valid credit recorded in time; credit terms, 月结 and COD ship.
 */
export async function paymentGates(db: Db, companyId: string, o: OrderFacts, today: string): Promise<Gate[]> {
  const paid = await orderPaid(db, companyId, o.id);
  const total = parseMoney(o.total);
  const owe = (amount: bigint) => `¥${formatMoney(amount - paid)}`;
  switch (o.payment_method) {
    case 'prepaid':
      return [{ gate: 'ship', ok: paid >= total, waitsFor: `预付款 prepayment ${owe(total)}` }];
    case 'tt': {
      const deposit = percentOf(total, o.deposit_percent ?? '0');
      return [
        { gate: 'production', ok: paid >= deposit, waitsFor: `T/T 定金 deposit ${owe(deposit)}` },
        { gate: 'ship', ok: paid >= total, waitsFor: `T/T 尾款 balance ${owe(total)}` },
      ];
    }
    case 'lc': {
      const valid = await hasValidLetterOfCredit(db, companyId, o.id, total, today);
      const checkBy = await lcCheckBy(db, companyId, o, today);
      return [
        {
          gate: 'ship',
          ok: valid,
          waitsFor: `信用证 L/C covering ¥${o.total}, valid today, to be checked by ${checkBy}`,
          checkBy,
          late: !valid && today > checkBy,
        },
      ];
    }
    default:
      return [{ gate: 'ship', ok: true, waitsFor: '' }];
  }
}

type LetterOfCredit = { amount: string; expiry_date: string; latest_shipment_date: string };
/** A credit covers the order when it is for the whole amount and neither expired nor past its latest shipment date. */
const covers = (l: LetterOfCredit, total: bigint, today: string) =>
  parseMoney(l.amount) >= total && l.expiry_date >= today && l.latest_shipment_date >= today;

async function hasValidLetterOfCredit(db: Db, companyId: string, orderId: string, total: bigint, today: string) {
  const lcs = await db
    .selectFrom('letters_of_credit')
    .select(['amount', 'expiry_date', 'latest_shipment_date'])
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .execute();
  return lcs.some((l) => covers(l, total, today));
}

/** The L/C must be recorded and checked its lead time (default 30 days) before the delivery date. */
const checkByDate = (o: Pick<OrderFacts, 'expected_delivery_date'>, leadDays: number, today: string) =>
  o.expected_delivery_date ? addDays(o.expected_delivery_date, -leadDays) : today;
const lcCheckBy = async (db: Db, companyId: string, o: OrderFacts, today: string) =>
  checkByDate(o, (await getSettings(db, companyId)).fulfilment.lcLeadDays, today);

/**
 * L/C orders still to ship whose check-by date has passed without a valid credit: each is marked once
 * and finance and the sales director are told. Returns the orders newly flagged.
 */
export async function flagLateLettersOfCredit(db: Db, companyId: string, today: string) {
  const lead = (await getSettings(db, companyId)).fulfilment.lcLeadDays;
  const open = (
    await db
      .selectFrom('orders')
      .select(['id', 'number', 'total', 'expected_delivery_date'])
      .where('company_id', '=', companyId)
      .where('payment_method', '=', 'lc')
      .where('lc_late_at', 'is', null)
      .where('status', 'in', ['confirmed', 'in_fulfillment', 'partially_shipped', 'on_hold'])
      .execute()
  )
    .map((o) => ({ ...o, checkBy: checkByDate(o, lead, today) }))
    .filter((o) => today > o.checkBy);
  if (!open.length) return [];
  const lcs = await db
    .selectFrom('letters_of_credit')
    .select(['order_id', 'amount', 'expiry_date', 'latest_shipment_date'])
    .where('company_id', '=', companyId)
    .where(
      'order_id',
      'in',
      open.map((o) => o.id),
    )
    .execute();
  const late = open.filter((o) => !lcs.some((l) => l.order_id === o.id && covers(l, parseMoney(o.total), today)));
  if (!late.length) return [];
  // Claimed with the mark itself, so two instances never flag the same order twice.
  const claimed = new Set(
    (
      await db
        .updateTable('orders')
        .set({ lc_late_at: new Date() })
        .where('company_id', '=', companyId)
        .where(
          'id',
          'in',
          late.map((o) => o.id),
        )
        .where('lc_late_at', 'is', null)
        .returning('id')
        .execute()
    ).map((r) => r.id),
  );
  return late.filter((o) => claimed.has(o.id)).map((o) => ({ id: o.id, number: o.number, checkBy: o.checkBy }));
}

/** Checked on the server at every transition a gate guards. */
export async function assertGate(db: Db, companyId: string, o: OrderFacts, gate: GateName, today: string) {
  const blocked = (await paymentGates(db, companyId, o, today)).find((g) => g.gate === gate && !g.ok);
  if (blocked) throw new AppError('GATE.BLOCKED', { waitsFor: blocked.waitsFor });
}
