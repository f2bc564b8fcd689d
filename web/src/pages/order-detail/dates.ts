// Dates as YYYY-MM-DD and date-times as YYYY-MM-DD HH:mm, in the browser's time zone.
const two = (n: number) => String(n).padStart(2, '0');

export function dateTime(s: string | null | undefined): string {
  if (!s) return '';
  const d = new Date(s);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
