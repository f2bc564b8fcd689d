import dayjs from 'dayjs';

/** Money as ¥1,234.50 (amounts arrive as exact decimal strings and are never turned into floats). */
export const yuan = (s: string) => {
  const [int, frac = ''] = s.replace(/^-/, '').split('.');
  return `${s.startsWith('-') ? '-' : ''}¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac.padEnd(2, '0')}`;
};

/** A moment as 2026-11-30 14:05 in the browser's time zone (empty when there is none). */
export const dateTime = (v?: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '');
