import type { ColumnType, Generated } from 'kysely';

export type NotificationKind =
  | 'review_assigned'
  | 'order_rejected'
  | 'stage_late'
  | 'production_requested'
  | 'production_answered'
  | 'order_confirmed'
  | 'credit_escalated'
  | 'order_cancelled'
  | 'overdue_receivables'
  | 'complaint_late'
  | 'tracking_stale'
  | 'lc_late'
  | 'statements_issued'
  | 'production_progress_late'
  // Order change requests (订单变更申请)
  | 'change_approval_assigned'
  | 'change_decided'
  // Short-closing and special orders
  | 'order_short_closed'
  | 'prep_review'
  | 'prep_decided'
  // Quotations (报价): one awaits the sales director; the director's decision back to its author
  | 'quotation_review'
  | 'quotation_approved'
  | 'quotation_rejected'
  | 'earmark_idle'
  // A change approval stage past its due time
  | 'change_stage_late'
  // A webhook delivery given up after its last retry
  | 'webhook_dead'
  // The embedded database's nightly backup failed
  | 'backup_failed'
  // A message to a customer given up after its last retry
  | 'message_dead'
  // 月度订单分析报表 of last month is ready (params: month, link to the PDF)
  | 'monthly_report_ready'
  // 外贸: an export order ships within 7 days and no inspection (验货) is booked (params: number, shipBy)
  | 'inspection_not_booked'
  // 销售合同: a review stage awaits its role; the drafter hears of a rejection, the approval and the signing
  | 'contract_review'
  | 'contract_rejected'
  | 'contract_approved'
  | 'contract_signed';

/** In-app notifications; also the outbox a mail or WeCom adapter can read. */
export interface NotificationsTable {
  company_id: string;
  id: Generated<string>;
  user_id: string;
  kind: NotificationKind;
  params: ColumnType<Record<string, string | number>, string, string>;
  order_id: string | null;
  created_at: Generated<Date>;
  read_at: Date | null;
}
