import type { ColumnType, Generated } from 'kysely';

export type SampleApprovalStatus = 'pending' | 'approved';
export type SampleDecision = 'approved' | 'rejected' | 'revise';

/** 样品确认: an order whose bulk production waits for the customer's approval of a sample. */
export interface SampleApprovalsTable {
  company_id: string;
  id: Generated<string>;
  order_id: string;
  /** The quotation the requirement came from, when there is one. */
  quotation_id: string | null;
  status: ColumnType<SampleApprovalStatus, SampleApprovalStatus | undefined, SampleApprovalStatus>;
  note: Generated<string>;
  approved_at: Date | null;
  created_at: Date;
  created_by: string;
}

/** One round: what was sent, then the customer's feedback and the decision. */
export interface SampleRoundsTable {
  company_id: string;
  id: Generated<string>;
  approval_id: string;
  round_no: number;
  sent_at: string;
  description: string;
  quantity: number;
  tracking: Generated<string>;
  feedback: string | null;
  decision: SampleDecision | null;
  decided_by: string | null;
  decided_by_customer: Generated<boolean>;
  decided_at: Date | null;
  created_at: Date;
  created_by: string;
}
