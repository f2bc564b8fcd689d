import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.service';
import * as repo from './exchange-rate.repository';
import { getSettings } from './settings.service';

export const HOME_CURRENCY = 'CNY';

/** The company's currencies: a code outside them is refused naming the field. */
export async function assertCurrency(db: Db, companyId: string, currency: string, path = 'currency') {
  const allowed = (await getSettings(db, companyId)).export.currencies;
  if (currency !== HOME_CURRENCY && !allowed.includes(currency))
    throw new AppError('VALIDATION.FAILED', { summary: path }, [
      { path, message: `not one of the company's currencies: ${allowed.join(', ')}` },
    ]);
}

/** RMB per unit on the date (the latest rate on or before it); RMB itself is 1. */
export async function rateFor(db: Db, companyId: string, currency: string, date: string, path = 'currency') {
  if (currency === HOME_CURRENCY) return '1';
  const r = await repo.rateOn(db, companyId, currency, date);
  if (!r)
    throw new AppError('EXPORT.NO_RATE', { field: path, currency, date }, [
      { path, message: `no ${currency} rate on or before ${date}` },
    ]);
  return r.rate;
}

export async function setRate(
  db: Db,
  actor: Actor,
  input: { currency: string; rateDate: string; rate: string },
): Promise<{ currency: string; rateDate: string; rate: string }> {
  if (input.currency === HOME_CURRENCY)
    throw new AppError('VALIDATION.FAILED', { summary: 'currency' }, [
      { path: 'currency', message: 'RMB needs no rate' },
    ]);
  await assertCurrency(db, actor.companyId, input.currency);
  await repo.upsertRate(db, {
    company_id: actor.companyId,
    currency: input.currency,
    rate_date: input.rateDate,
    rate: input.rate,
    created_by: actor.userId,
  });
  return input;
}

export async function listRates(db: Db, actor: Actor, currency?: string) {
  return (await repo.listRates(db, actor.companyId, currency)).map((r) => ({
    currency: r.currency,
    rateDate: r.rate_date,
    rate: r.rate,
  }));
}
