// English of ../parts/portal.ts: fetched with the rest of English the first time someone reads in English.
import type { zh } from '../parts/portal';

export const en: typeof zh = {
  enums: { role: { customer: 'Customer portal login' } },
  codes: {
    reason: {
      confirmed_in_portal: 'Confirmed in the customer portal (from {{address}})',
      signed_in_portal: 'Signed for in the customer portal by {{name}} (from {{address}})',
    },
  },
};
