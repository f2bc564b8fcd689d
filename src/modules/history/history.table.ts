import type { Generated } from 'kysely';

/** Append-only: who moved which entity from which state to which, when and why. */
export interface StateHistoryTable {
  company_id: string;
  id: Generated<string>;
  entity_type: string;
  entity_id: string;
  from_state: string | null;
  to_state: string;
  event: string;
  actor_id: string | null;
  at: Generated<Date>;
  reason: string | null;
}
