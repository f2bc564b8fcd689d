import { localParts } from '../../lib/local-date';

/** The sequence runs per customer per calendar month. */
export const numberPeriod = (at: Date, timeZone: string) => {
  const p = localParts(at, timeZone);
  return `${p.yyyy}${p.MM}`;
};

/** Applies the numbering rule, e.g. "{yyyy}{MM}-{shortCode}-{seq:3}" → 202405-ABC-001. */
export function formatOrderNumber(
  rule: string,
  v: { at: Date; timeZone: string; shortCode: string; customerCode: string; seq: number },
): string {
  const p = localParts(v.at, v.timeZone);
  return rule.replace(/\{(\w+)(?::(\d))?\}/g, (whole, token: string, width?: string) => {
    switch (token) {
      case 'yyyy':
        return p.yyyy;
      case 'yy':
        return p.yyyy.slice(2);
      case 'MM':
        return p.MM;
      case 'dd':
        return p.dd;
      case 'shortCode':
        return v.shortCode;
      case 'customerCode':
        return v.customerCode;
      case 'seq':
        return String(v.seq).padStart(Number(width ?? 1), '0');
      default:
        return whole;
    }
  });
}
