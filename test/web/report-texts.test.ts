import { describe, expect, it } from 'vitest';
import { en, zh } from '../../web/src/i18n/parts/reports';
import { FIGURE_KEYS } from '../../web/src/api/reports';
import { fenText, lastMonth, rateText } from '../../web/src/pages/reports/figures';

// The monthly report's figures are read by managers: each has a name and its definition in both languages, and
// its value reads as money, a percentage or hours (the page itself: test/e2e/reports.browser.test.ts).

const CJK = /[\u4e00-\u9fff]/;

describe('monthly report texts', () => {
  it('names and defines every figure in Chinese and in English', () => {
    for (const key of FIGURE_KEYS) {
      expect(zh.reports.figure[key], key).toMatch(CJK);
      expect(zh.reports.definition[key], key).toMatch(CJK);
      expect(en.reports.figure[key], key).toMatch(/^[A-Z][A-Za-z -]+$/);
      expect(en.reports.definition[key], key).toMatch(/^[A-Z].{20,}\.$/);
      expect(en.reports.definition[key], key).not.toMatch(CJK);
    }
    expect(Object.keys(zh.reports.figure).sort()).toEqual([...FIGURE_KEYS].sort());
    expect(Object.keys(en.reports.definition).sort()).toEqual(Object.keys(zh.reports.definition).sort());
    expect(Object.keys(en.reports.bucket)).toEqual(Object.keys(zh.reports.bucket));
  });

  it('shows money in fen as yuan with separators, and rates to one decimal', () => {
    expect(fenText(123450)).toBe('¥1,234.50');
    expect(fenText(5)).toBe('¥0.05');
    expect(fenText(-100000000)).toBe('-¥1,000,000.00');
    expect(rateText(0.87345)).toBe('87.3%');
    expect(rateText(1)).toBe('100.0%');
    expect(rateText(null)).toBe('—');
  });

  it('opens on the month before the company’s current one, across a year end', () => {
    expect(lastMonth('2026-12-01')).toBe('2026-11');
    expect(lastMonth('2027-01-31')).toBe('2026-12');
  });
});
