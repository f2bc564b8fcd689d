import type { Generated } from 'kysely';

export interface CompaniesTable {
  id: Generated<string>;
  code: string;
  name: string;
  created_at: Generated<Date>;
  /** Signs the public tracking links of the company's shipments (src/modules/portal/tracking-token.ts). */
  tracking_secret: Generated<string>;
}
