import { addDays } from '../../lib/calendar/calendar';
import { localDate } from '../../lib/local-date';
import type { Period } from './report.repository';

/** The month after YYYY-MM, as YYYY-MM. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The month before YYYY-MM, as YYYY-MM. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** A month's period of registration in the company's time zone, read at `now`. */
export function monthPeriod(companyId: string, month: string, timeZone: string, now: Date): Period {
  return {
    companyId,
    from: `${month}-01`,
    to: `${nextMonth(month)}-01`,
    timeZone,
    now,
    today: localDate(now, timeZone),
  };
}

/** Days from `from` to `to`, both included (YYYY-MM-DD), as a period read at `now`. */
export function daysPeriod(companyId: string, from: string, to: string, timeZone: string, now: Date): Period {
  return { companyId, from, to: addDays(to, 1), timeZone, now, today: localDate(now, timeZone) };
}

/** The last day of the period (YYYY-MM-DD). */
export const lastDayOf = (p: Period) => addDays(p.to, -1);

/** Whether the month has ended by `now` in the time zone. */
export const monthClosed = (month: string, now: Date, timeZone: string) => localDate(now, timeZone).slice(0, 7) > month;
