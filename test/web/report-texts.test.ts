import { describe, expect, it } from 'vitest';
import { en, zh } from '../../web/src/pages/reports/texts';
import { FIGURE_KEYS } from '../../web/src/api/reports';
import { FIGURE_KEYS as SERVER_FIGURES, figureLabels, stageNames } from '../../src/modules/reports/report.labels';
import { currentMonth, fenText, lastMonth, rateText } from '../../web/src/pages/reports/figures';

// The monthly report's figures are read by managers: each has a name and its definition in both languages, and
// its value reads as money, a percentage or hours (the page itself: test/e2e/reports.browser.test.ts).

const CJK = /[\u4e00-\u9fff]/;

describe('monthly report texts', () => {
  it('names and defines every figure as the xlsx and PDF documents do, in Chinese and in English', () => {
    expect([...FIGURE_KEYS]).toEqual([...SERVER_FIGURES]);
    for (const key of FIGURE_KEYS) {
      expect(zh.reports.figure[key], key).toBe(figureLabels[key].label.zh);
      expect(en.reports.figure[key], key).toBe(figureLabels[key].label.en);
      expect(zh.reports.definition[key], key).toBe(figureLabels[key].definition.zh);
      expect(en.reports.definition[key], key).toBe(figureLabels[key].definition.en);
      expect(zh.reports.drillScope[key], key).toMatch(CJK);
      expect(en.reports.drillScope[key], key).not.toMatch(CJK);
    }
    for (const [stage, name] of Object.entries(stageNames)) {
      expect(zh.reports.stage[stage as keyof typeof zh.reports.stage], stage).toBe(name.zh);
      expect(en.reports.stage[stage as keyof typeof en.reports.stage], stage).toBe(name.en);
    }
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
    expect(currentMonth('2027-01-31')).toBe('2027-01');
  });
});
