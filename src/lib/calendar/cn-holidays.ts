import { createRequire } from 'node:module';
import supplement from './cn-holidays-supplement.json';

// Chinese public holidays (放假) and make-up working days (调休上班), from the chinese-days
// package's data plus our own supplement for years it does not cover yet.
const require = createRequire(import.meta.url);
const data = require('chinese-days/dist/chinese-days.json') as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};

export type HolidayData = { holidays: Set<string>; workdays: Set<string> };

export const cnHolidays: HolidayData = {
  holidays: new Set([...Object.keys(data.holidays), ...supplement.holidays]),
  workdays: new Set([...Object.keys(data.workdays), ...supplement.workdays]),
};
