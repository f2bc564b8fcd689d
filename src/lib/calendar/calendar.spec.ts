import { describe, expect, it } from 'vitest';
import { addWorkingDays, addWorkingHours, isWorkingDay } from './calendar';

const at = (s: string) => new Date(s);

describe('working calendar', () => {
  it('2024: Spring Festival off, make-up Sunday 2024-02-04 worked', () => {
    expect(isWorkingDay('2024-02-12')).toBe(false);
    expect(isWorkingDay('2024-02-04')).toBe(true);
    expect(isWorkingDay('2024-10-07')).toBe(false);
    expect(isWorkingDay('2024-10-12')).toBe(true);
  });

  it('2025: National Day 10-01..08 off, 09-28 and 10-11 worked', () => {
    for (let d = 1; d <= 8; d++) expect(isWorkingDay(`2025-10-0${d}`)).toBe(false);
    expect(isWorkingDay('2025-09-28')).toBe(true);
    expect(isWorkingDay('2025-10-11')).toBe(true);
    expect(isWorkingDay('2025-10-09')).toBe(true);
  });

  it('2026: Spring Festival 02-15..23 off, 02-14 and 02-28 worked', () => {
    expect(isWorkingDay('2026-02-16')).toBe(false);
    expect(isWorkingDay('2026-02-23')).toBe(false);
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true);
  });

  it('2027: the statutory days are off (provisional data until the State Council notice)', () => {
    expect(isWorkingDay('2027-01-01')).toBe(false);
    expect(isWorkingDay('2027-02-08')).toBe(false);
    expect(isWorkingDay('2027-10-01')).toBe(false);
    expect(isWorkingDay('2027-10-04')).toBe(false);
    expect(isWorkingDay('2027-10-06')).toBe(true);
  });

  it('adds working days across a holiday', () => {
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
    expect(addWorkingDays('2025-11-21', 2)).toBe('2025-11-25');
    expect(addWorkingDays('2025-10-01', 0)).toBe('2025-10-09');
  });

  it('adds working hours within 09:00–18:00 Asia/Shanghai', () => {
    // Monday 2025-11-24 10:00 +08:00 plus 4 h → 14:00 the same day.
    expect(addWorkingHours(at('2025-11-24T02:00:00Z'), 4).toISOString()).toBe('2025-11-24T06:00:00.000Z');
    // 16:00 plus 4 h → 2 h today, 2 h tomorrow → 11:00 Tuesday.
    expect(addWorkingHours(at('2025-11-24T08:00:00Z'), 4).toISOString()).toBe('2025-11-25T03:00:00.000Z');
    // Friday 17:00 plus 2 h → Monday 10:00.
    expect(addWorkingHours(at('2025-11-21T09:00:00Z'), 2).toISOString()).toBe('2025-11-24T02:00:00.000Z');
    // Over National Day: 2025-09-30 17:00 plus 8 h → 2025-10-09 16:00.
    expect(addWorkingHours(at('2025-09-30T09:00:00Z'), 8).toISOString()).toBe('2025-10-09T08:00:00.000Z');
    // Before opening: 07:00 plus 1 h → 10:00.
    expect(addWorkingHours(at('2025-11-24T23:00:00Z'), 1).toISOString()).toBe('2025-11-25T02:00:00.000Z');
  });

  it('takes configurable working hours', () => {
    const wh = { start: '08:30', end: '17:30', timeZone: 'Asia/Shanghai' };
    // 17:00 plus 1 h → 30 min today, 30 min from 08:30 tomorrow → 09:00.
    expect(addWorkingHours(at('2025-11-24T09:00:00Z'), 1, wh).toISOString()).toBe('2025-11-25T01:00:00.000Z');
  });
});
