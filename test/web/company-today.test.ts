import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { companyToday } from '../../web/src/format';

// A date the web app fills in by itself is the company's day, not the UTC day.

describe('the company date', () => {
  it('is already the next day at 00:30 in Shanghai, while UTC is still on the day before', () => {
    const halfPastMidnight = new Date('2026-11-30T16:30:00Z');
    expect(halfPastMidnight.toISOString().slice(0, 10)).toBe('2026-11-30');
    expect(companyToday(halfPastMidnight)).toBe('2026-12-01');
    expect(companyToday(new Date('2026-12-01T15:59:00Z'))).toBe('2026-12-01');
  });

  it('no page takes a date from the UTC clock', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
      });
    const utcDates = files('web/src').filter((f) => /toISOString\(\)\.slice\(0, 10\)/.test(readFileSync(f, 'utf8')));
    expect(utcDates).toEqual([]);
  });
});
