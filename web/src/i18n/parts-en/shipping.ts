// English of ../parts/shipping.ts: fetched with the rest of English the first time someone reads in English.
export const en = { ful: { transitDays: 'Days in transit' } };
