import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { reasonCode, reasonLabel } from '../../lib/reason-codes';
import { addDays } from '../../lib/calendar/calendar';
import { formatMoney, parseMoney, percentOf } from '../../lib/money';
import { OPEN_LOCKED } from '../orders/order.machine';
import { getSettings } from '../settings/settings.service';
import * as repo from './payment.repository';

export type GateName = 'production' | 'ship';
/** `waitsFor` is a stored-reason code with its parameters (src/lib/reason-codes.ts), named in the reader's language. */
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
 * Prepaid produces and ships after the prepayment covers the order; T/T produces after the deposit and ships
 * after the balance; L/C ships against a valid credit recorded in time; credit terms, 月结 and COD ship.
 * Money counted is what is paid plus allowances (an allowance lowers what the order owes).
 */
export async function paymentGates(db: Db, companyId: string, o: OrderFacts, today: string): Promise<Gate[]> {
  const s = (await repo.orderSettlement(db, companyId, [o.id])).get(o.id) ?? { paid: 0n, allowances: 0n };
  const settled = s.paid + s.allowances;
  const total = parseMoney(o.total);
  const owe = (amount: bigint) => `¥${formatMoney(amount - settled)}`;
  switch (o.payment_method) {
    case 'prepaid': {
      const waitsFor = reasonCode('gate_prepayment', { amount: owe(total) });
      return [
        { gate: 'production', ok: settled >= total, waitsFor },
        { gate: 'ship', ok: settled >= total, waitsFor },
      ];
    }
    case 'tt': {
      const deposit = percentOf(total, o.deposit_percent ?? '0');
      return [
        { gate: 'production', ok: settled >= deposit, waitsFor: reasonCode('gate_deposit', { amount: owe(deposit) }) },
        { gate: 'ship', ok: settled >= total, waitsFor: reasonCode('gate_balance', { amount: owe(total) }) },
      ];
    }
    case 'lc': {
      const lcs = await repo.lettersOfCredit(db, companyId, [o.id]);
      const valid = lcs.some((l) => covers(l, total, today));
      const checkBy = checkByDate(o, (await getSettings(db, companyId)).fulfilment.lcLeadDays, today);
      return [
        {
          gate: 'ship',
          ok: valid,
          waitsFor: reasonCode('gate_lc', { amount: `¥${o.total}`, checkBy }),
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
export const covers = (l: LetterOfCredit, total: bigint, today: string) =>
  parseMoney(l.amount) >= total && l.expiry_date >= today && l.latest_shipment_date >= today;

/** The L/C must be recorded and checked its lead time (default 30 days) before the delivery date. */
const checkByDate = (o: Pick<OrderFacts, 'expected_delivery_date'>, leadDays: number, today: string) =>
  o.expected_delivery_date ? addDays(o.expected_delivery_date, -leadDays) : today;

/**
 * L/C orders still to ship whose check-by date has passed without a valid credit: each is marked once
 * and finance and the sales director are told. Returns the orders newly flagged.
 */
export async function flagLateLettersOfCredit(db: Db, companyId: string, today: string, at: Date) {
  const lead = (await getSettings(db, companyId)).fulfilment.lcLeadDays;
  const open = (await repo.openLcOrders(db, companyId, OPEN_LOCKED))
    .map((o) => ({ ...o, checkBy: checkByDate(o, lead, today) }))
    .filter((o) => today > o.checkBy);
  if (!open.length) return [];
  const lcs = await repo.lettersOfCredit(
    db,
    companyId,
    open.map((o) => o.id),
  );
  const late = open.filter((o) => !lcs.some((l) => l.order_id === o.id && covers(l, parseMoney(o.total), today)));
  const claimed = await repo.markLcLate(
    db,
    companyId,
    late.map((o) => o.id),
    at,
  );
  return late.filter((o) => claimed.has(o.id)).map((o) => ({ id: o.id, number: o.number, checkBy: o.checkBy }));
}

/** Checked on the server at every transition a gate guards. */
export async function assertGate(db: Db, companyId: string, o: OrderFacts, gate: GateName, today: string) {
  const blocked = (await paymentGates(db, companyId, o, today)).find((g) => g.gate === gate && !g.ok);
  if (blocked) throw new AppError('GATE.BLOCKED', { waitsFor: reasonLabel(blocked.waitsFor) });
}
