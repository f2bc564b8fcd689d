// How the report's numbers read on screen: money as ¥1,234.50, rates as percentages, hours with one decimal.
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { companyToday, yuan } from '../../format';
import type { Figure } from '../../api/reports';

/** Integer fen as ¥1,234.50 (through the app's one money formatter). */
export function fenText(fen: number): string {
  const whole = Math.trunc(fen);
  const abs = Math.abs(whole);
  return yuan(`${whole < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`);
}

/** 0.8734 → 87.3% (null: no denominator, nothing to rate). */
export const rateText = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;

/** A figure's value in its unit, in the reader's language. */
export function figureText(t: TFunction, f: Pick<Figure, 'unit' | 'value'>): string {
  if (f.value === null) return t('reports.noValue');
  switch (f.unit) {
    case 'fen':
      return fenText(f.value);
    case 'rate':
      return rateText(f.value);
    case 'hours':
      // The figure's name carries the unit: 平均处理周期（小时）.
      return (Math.round(f.value * 10) / 10).toFixed(1);
    default:
      return f.value.toLocaleString('en-US');
  }
}

/** The figure's parts under its value: 2 / 3 orders, ¥500.00 / ¥1,000.00 collected, or how many orders it covers. */
export function figureParts(t: TFunction, f: Figure): string | undefined {
  if (f.denominator === undefined) return undefined;
  if (f.numerator === undefined) return t('reports.ordersBehind', { count: f.denominator });
  const money = f.key === 'collectionRate';
  const part = (n: number) => (money ? fenText(n) : n.toLocaleString('en-US'));
  return t('reports.ratio', { numerator: part(f.numerator), denominator: part(f.denominator) });
}

/** The month before the company's current one (YYYY-MM): the report managers read by the 5th. */
export const lastMonth = (today = companyToday()) => dayjs(today).subtract(1, 'month').format('YYYY-MM');

/** The company's current month (YYYY-MM): its report is computed live and cannot be rebuilt until it closes. */
export const currentMonth = (today = companyToday()) => today.slice(0, 7);

/** Where a month's report and one figure's orders live in the app. */
export const reportPath = (month?: string) => (month ? `/reports/monthly?month=${month}` : '/reports/monthly');
export const figureOrdersPath = (month: string, figure: string) => `/reports/monthly/${month}/${figure}`;
