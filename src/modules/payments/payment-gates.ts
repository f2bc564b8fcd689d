import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { addDays } from '../../lib/calendar/calendar';
import { formatMoney, parseMoney, percentOf } from '../../lib/money';
import { getSettings } from '../settings/settings.service';
import { orderPaid } from './payment.service';

export type GateName = 'production' | 'ship';
export type Gate = { gate: GateName; ok: boolean; waitsFor: string };
type OrderFacts = { id: string; total: string; payment_method: string; deposit_percent: string | null; expected_delivery_date: string | null };

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
      const lcs = await db.selectFrom('letters_of_credit').select(['amount', 'expiry_date', 'latest_shipment_date']).where('company_id', '=', companyId).where('order_id', '=', o.id).execute();
      const valid = lcs.some((l) => parseMoney(l.amount) >= total && l.expiry_date >= today && l.latest_shipment_date >= today);
      const lead = (await getSettings(db, companyId)).fulfilment.lcLeadDays;
      const checkBy = o.expected_delivery_date ? addDays(o.expected_delivery_date, -lead) : today;
      return [{ gate: 'ship', ok: valid, waitsFor: `信用证 L/C covering ¥${o.total}, valid today, to be checked by ${checkBy}` }];
    }
    default:
      return [{ gate: 'ship', ok: true, waitsFor: '' }];
  }
}

/** Checked on the server at every transition a gate guards. */
export async function assertGate(db: Db, companyId: string, o: OrderFacts, gate: GateName, today: string) {
  const blocked = (await paymentGates(db, companyId, o, today)).find((g) => g.gate === gate && !g.ok);
  if (blocked) throw new AppError('GATE.BLOCKED', { waitsFor: blocked.waitsFor });
}
