import dayjs from 'dayjs';

/** How each currency is written before its amount (any other is written as its code and a space). */
const CURRENCY_SIGNS: Record<string, string> = { CNY: '¥', USD: 'US$', EUR: '€', GBP: '£', JPY: 'JP¥', HKD: 'HK$' };

/** The sign written before an amount in the currency (¥, US$, €; a code the app has no sign for as itself). */
export const currencySign = (currency = 'CNY') => CURRENCY_SIGNS[currency] ?? currency;

/**
 * The one money formatter: ¥1,234.50, US$1,234.50, €1,234.50 (amounts arrive as exact decimal strings and are
 * never turned into floats). Empty for no amount.
 */
export const money = (s: string | null | undefined, currency = 'CNY') => {
  if (s === null || s === undefined || s === '') return '';
  const [int, frac = ''] = s.replace(/^-/, '').split('.');
  const sign = CURRENCY_SIGNS[currency] ?? `${currency} `;
  return `${s.startsWith('-') ? '-' : ''}${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac.padEnd(2, '0')}`;
};

/** Money in RMB: ¥1,234.50. */
export const yuan = (s: string) => money(s);

/** An amount in its currency with its RMB equivalent beside it when foreign: US$1,234.50 (≈ ¥8,765.43). */
export const moneyWithRmb = (s: string | null | undefined, currency = 'CNY', rmb?: string | null) =>
  currency === 'CNY' || !rmb ? money(s, currency) : `${money(s, currency)} (≈ ${money(rmb)})`;

/** The company's time zone (its working calendar's): a business day begins at its midnight, not at UTC's. */
export const COMPANY_TIME_ZONE = 'Asia/Shanghai';

/** Today's date (YYYY-MM-DD) in the company's time zone: 00:30 in Shanghai is already the new day. */
export function companyToday(now = new Date()) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: COMPANY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A moment as 2026-11-30 14:05 in the browser's time zone (empty when there is none). */
export const dateTime = (v?: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '');
