import type { Generated } from 'kysely';

export type MovementKind = 'receipt' | 'reserve' | 'release' | 'issue' | 'return' | 'adjust';

/** Balance per product × warehouse; always equal to the sum of its movements. */
export interface StockBalancesTable {
  company_id: string;
  warehouse_id: string;
  product_id: string;
  on_hand: number;
  reserved: number;
  updated_at: Generated<Date>;
}

/** The stock ledger: append-only. */
export interface StockMovementsTable {
  company_id: string;
  id: Generated<string>;
  warehouse_id: string;
  product_id: string;
  kind: MovementKind;
  on_hand_delta: number;
  reserved_delta: number;
  reason: string;
  reference: string;
  actor_id: string;
  at: Generated<Date>;
  receipt_id: string | null;
}
