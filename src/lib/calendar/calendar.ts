import { cnHolidays, type HolidayData } from './cn-holidays';

// The working calendar: which days are working days, and deadlines counted in working
// days or working hours (default 09:00–18:00 Asia/Shanghai). Every time limit uses it.
export type WorkingHours = { start: string; end: string; timeZone: string };
export const defaultWorkingHours: WorkingHours = { start: '09:00', end: '18:00', timeZone: 'Asia/Shanghai' };

const DAY_MS = 86_400_000;

export function isWorkingDay(date: string, data: HolidayData = cnHolidays): boolean {
  if (data.workdays.has(date)) return true;
  if (data.holidays.has(date)) return false;
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The n-th working day after `date` (n ≥ 0; n = 0 gives date itself if it is a working day, else the next one). */
export function addWorkingDays(date: string, n: number, data: HolidayData = cnHolidays): string {
  let d = date;
  if (n === 0) {
    while (!isWorkingDay(d, data)) d = addDays(d, 1);
    return d;
  }
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d, data)) left--;
  }
  return d;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Offset of the time zone from UTC at the instant, in minutes. */
// Making a formatter costs far more than using one (every request's session check reaches here): one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function zoneOffset(at: Date, timeZone: string): number {
  const parts = formatterOf(timeZone).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

function toLocal(at: Date, tz: string): { date: string; minute: number; offset: number } {
  const offset = zoneOffset(at, tz);
  const local = new Date(at.getTime() + offset * 60_000);
  return {
    date: local.toISOString().slice(0, 10),
    minute: local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60,
    offset,
  };
}

function fromLocal(date: string, minute: number, offset: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + (minute - offset) * 60_000);
}

/** The instant `hours` working hours after `at`, skipping nights, weekends and holidays. */
export function addWorkingHours(
  at: Date,
  hours: number,
  wh: WorkingHours = defaultWorkingHours,
  data: HolidayData = cnHolidays,
): Date {
  const start = minutes(wh.start),
    end = minutes(wh.end);
  let { date, minute, offset } = toLocal(at, wh.timeZone);
  let left = hours * 60;
  for (let guard = 0; guard < 10_000; guard++) {
    if (!isWorkingDay(date, data) || minute >= end) {
      date = addWorkingDays(addDays(date, 1), 0, data);
      minute = start;
      continue;
    }
    if (minute < start) minute = start;
    if (left <= end - minute) return fromLocal(date, minute + left, offset);
    left -= end - minute;
    minute = end;
  }
  throw new Error('working-hours calculation did not converge');
}
