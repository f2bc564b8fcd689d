import type { Env } from './env';

/** One formatter per time zone: building one costs far more than using it (an import numbers thousands). */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string) {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  return f;
}

/** Local calendar parts of an instant in the company's time zone. */
export function localParts(at: Date, timeZone: string) {
  // An import numbers thousands of orders at one instant: the last answer is kept.
  const time = at.getTime();
  if (last && last.time === time && last.timeZone === timeZone) return { ...last.parts };
  const parts = dayFormat(timeZone).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  last = { time, timeZone, parts: { yyyy: get('year'), MM: get('month'), dd: get('day') } };
  return { ...last.parts };
}
let last: { time: number; timeZone: string; parts: { yyyy: string; MM: string; dd: string } } | undefined;

/** The calendar day of an instant in the given time zone (YYYY-MM-DD). */
export function localDate(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.yyyy}-${p.MM}-${p.dd}`;
}

/** The request's calendar day in the company's time zone (YYYY-MM-DD). */
export function todayOf(env: Env): string {
  return localDate(env.now, env.workingHours.timeZone);
}

/** An instant as the company's wall clock reads it (YYYY-MM-DD HH:mm), for exports. */
export function localDateTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${localDate(at, timeZone)} ${get('hour')}:${get('minute')}`;
}
