import dayjs from 'dayjs';

/** Money as ¥1,234.50 (amounts arrive as exact decimal strings and are never turned into floats). */
export const yuan = (s: string) => {
  const [int, frac = ''] = s.replace(/^-/, '').split('.');
  return `${s.startsWith('-') ? '-' : ''}¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac.padEnd(2, '0')}`;
};

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
