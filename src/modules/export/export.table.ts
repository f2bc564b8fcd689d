import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string | undefined, string>;

/** One version of a letter of credit as received or amended (the letters_of_credit row holds the latest). */
export interface LcVersionsTable {
  company_id: string;
  lc_id: string;
  version: number;
  amount: string;
  currency: string;
  expiry_date: string;
  latest_shipment_date: string;
  documents_required: Json<string[]>;
  discrepancies: Json<string[]>;
  note: Generated<string>;
  created_at: Generated<Date>;
  created_by: string;
}

export type InspectionStatus = 'booked' | 'passed' | 'failed' | 'waived';

/** 验货: booked for a day before shipping; a re-inspection is a new row. */
export interface InspectionsTable {
  company_id: string;
  id: Generated<string>;
  order_id: string;
  booked_for: string;
  inspector: Generated<string>;
  status: InspectionStatus;
  note: Generated<string>;
  result_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  result_by: ColumnType<string | null, string | null | undefined, string | null>;
  waive_reason: ColumnType<string | null, string | null | undefined, string | null>;
  waived_by: ColumnType<string | null, string | null | undefined, string | null>;
  waived_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: Generated<Date>;
  created_by: string;
}
