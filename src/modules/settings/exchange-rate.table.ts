import type { Generated } from 'kysely';

/** 汇率: RMB per unit of a currency on a day, per company. */
export interface ExchangeRatesTable {
  company_id: string;
  currency: string;
  rate_date: string;
  rate: string;
  created_at: Generated<Date>;
  created_by: string;
}
