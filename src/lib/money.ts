import { AppError } from './errors';

// Money is integer fen (bigint): exact, never a binary float. Strings at the edges
// ("1234.50", numeric(18,2) in SQL), half-up rounding to the fen where a rate applies.
export type Fen = bigint;

const MONEY_RE = /^(-)?(\d{1,16})(?:\.(\d{1,2}))?$/;

export function isMoneyString(s: string): boolean {
  return MONEY_RE.test(s);
}

export function parseMoney(s: string, path = 'amount'): Fen {
  const m = MONEY_RE.exec(s.trim());
  if (!m)
    throw new AppError('VALIDATION.FAILED', { summary: path }, [
      { path, message: `not an amount with at most 2 decimals: "${s}"` },
    ]);
  const fen = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/** "1234.50" (the form stored in numeric and sent over the API). */
export function formatMoney(fen: Fen): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  return `${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** "¥1,234.50" for people. */
export function formatYuan(fen: Fen): string {
  const [int, dec] = formatMoney(fen < 0n ? -fen : fen).split('.');
  return `${fen < 0n ? '-' : ''}¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

/** How each currency is written before its amount; any other is written as its code. */
const CURRENCY_SIGNS: Record<string, string> = { CNY: '¥', USD: 'US$', EUR: '€', GBP: '£', JPY: 'JP¥', HKD: 'HK$' };

/** "US$1,234.50" / "€1,234.50" / "¥1,234.50": an amount in its own currency, for people. */
export function formatAmount(fen: Fen, currency = 'CNY'): string {
  const sign = CURRENCY_SIGNS[currency] ?? `${currency} `;
  return formatYuan(fen).replace('¥', sign);
}

/** Divides and rounds half away from zero (half-up on the magnitude). */
export function divRoundHalfUp(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new Error('divisor must be positive');
  const neg = n < 0n;
  const abs = neg ? -n : n;
  const q = (abs * 2n + d) / (2n * d);
  return neg ? -q : q;
}

/** amount × percent / 100, half-up to the fen; percent may carry up to 4 decimals ("12.5"). */
export function percentOf(fen: Fen, percent: string): Fen {
  const m = /^(\d+)(?:\.(\d{1,4}))?$/.exec(percent);
  if (!m) throw new Error(`bad percent ${percent}`);
  const scaled = BigInt(m[1]) * 10000n + BigInt((m[2] ?? '').padEnd(4, '0'));
  return divRoundHalfUp(fen * scaled, 1_000_000n);
}

export const lineAmount = (unitPrice: Fen, qty: number): Fen => unitPrice * BigInt(qty);

/** The amount in Chinese capital numerals for printed forms: 1234.50 → 壹仟贰佰叁拾肆元伍角整. */
export { toChineseCapital } from './capital-amount';

/**
 * A foreign-currency amount in RMB fen: amount (in the currency's cents) × rate (RMB per unit, up to 6
 * decimals), half-up to the fen.
 */
export function toRmb(amount: Fen, rate: string): Fen {
  const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(rate);
  if (!m) throw new Error(`bad rate ${rate}`);
  const micro = BigInt(m[1]) * 1_000_000n + BigInt((m[2] ?? '').padEnd(6, '0'));
  return divRoundHalfUp(amount * micro, 1_000_000n);
}
