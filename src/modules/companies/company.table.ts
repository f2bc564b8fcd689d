import type { Generated } from 'kysely';

export interface CompaniesTable {
  id: Generated<string>;
  code: string;
  name: string;
  created_at: Generated<Date>;
}
