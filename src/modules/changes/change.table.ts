import type { ColumnType, Generated } from 'kysely';
import type { ChangeAction } from './change-actions';

export type ChangeStatus =
  'draft' | 'submitted' | 'approved' | 'rejected' | 'applied' | 'customer_confirmed' | 'cancelled';
export type ChangeStage = 'sales' | 'finance' | 'warehouse' | 'production' | 'director' | 'gm';
export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';
export type ChangeConfirmation = { method: 'signature' | 'stamp' | 'electronic'; attachmentId?: string; note?: string };

type Json<T> = ColumnType<T, string, string>;

/** 订单变更申请: the actions to replay on the order version it was based on. */
export interface ChangeRequestsTable {
  company_id: string;
  id: Generated<string>;
  number: string;
  order_id: string;
  status: ChangeStatus;
  base_version: number;
  applied_version: number | null;
  actions: Json<ChangeAction[]>;
  reason: string;
  requested_by: 'customer' | 'internal';
  /** The preview as it stood at submission (what the approvers decided on). */
  preview: ColumnType<unknown, string | null | undefined, string | null>;
  created_by: string;
  created_at: Date;
  submitted_at: Date | null;
  decided_at: Date | null;
  decision_reason: string | null;
  applied_at: Date | null;
  applied_by: string | null;
  confirmed_at: Date | null;
  confirmation: ColumnType<ChangeConfirmation | null, string | null | undefined, string | null>;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  updated_at: Date;
  updated_by: string;
}

/** One department's approval of a change request (变更审批环节), with its time limit in working hours. */
export interface ChangeApprovalsTable {
  company_id: string;
  id: Generated<string>;
  change_request_id: string;
  stage: ChangeStage;
  role: string;
  status: ApprovalStatus;
  started_at: Date;
  due_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  reason: string | null;
  /** When the stage passed its due time and its supervisor was told (once). */
  late_at: Date | null;
}

/** The order as it stood at one version: head fields and lines (订单版本). */
export interface OrderVersionsTable {
  company_id: string;
  order_id: string;
  version: number;
  head: Json<Record<string, unknown>>;
  lines: Json<Record<string, unknown>[]>;
  change_request_id: string | null;
  created_at: Date;
  created_by: string;
}
