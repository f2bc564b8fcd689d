import type { Generated } from 'kysely';

export type StageName = 'sales' | 'finance' | 'production' | 'director' | 'gm';
export type StageStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';

/** One review stage of one round of an order's review (审核环节). */
export interface ReviewStagesTable {
  company_id: string;
  id: Generated<string>;
  order_id: string;
  round: number;
  seq: number;
  stage: StageName;
  role: string;
  status: StageStatus;
  started_at: Date | null;
  due_at: Date | null;
  late_at: Date | null;
  claimed_by: string | null;
  claim_expires_at: Date | null;
  decided_by: string | null;
  decided_at: Date | null;
  reason: string | null;
}
