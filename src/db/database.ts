import type { Kysely, Transaction } from 'kysely';
import type { CompaniesTable } from '../modules/companies/company.table';
import type { MonthlyReportsTable } from '../modules/reports/report.table';
import type {
  UsersTable,
  MembershipsTable,
  SessionsTable,
  LoginFailuresTable,
  IdempotencyKeysTable,
} from '../modules/auth/auth.table';
import type { StateHistoryTable } from '../modules/history/history.table';
import type { AttachmentsTable } from '../modules/attachments/attachment.table';
import type { CustomerPricesTable, CustomersTable } from '../modules/customers/customer.table';
import type { ProductsTable } from '../modules/products/product.table';
import type { WarehousesTable } from '../modules/warehouses/warehouse.table';
import type { StockBalancesTable, StockMovementsTable } from '../modules/stock/stock.table';
import type { OrderLinesTable, OrderNumberCountersTable, OrdersTable } from '../modules/orders/order.table';
import type { ReviewStagesTable } from '../modules/review/review.table';
import type { ProductionRequestsTable } from '../modules/production/production.table';
import type { CreditChangeRequestsTable, CustomerCreditChangesTable } from '../modules/credit/credit-change.table';
import type { NotificationsTable } from '../modules/notifications/notification.table';
import type { CompanySettingsTable } from '../modules/settings/settings.table';
import type { ExchangeRatesTable } from '../modules/settings/exchange-rate.table';
import type { InspectionsTable, LcVersionsTable } from '../modules/export/export.table';
import type {
  AllocationReservationsTable,
  AllocationRunsTable,
  FranchiseeBalancesTable,
  FranchiseeLedgerTable,
  GoodsReceiptsTable,
  PickListLinesTable,
  PickListsTable,
  RegionDemandTable,
  StoreDemandTable,
  StoresTable,
} from '../modules/allocation/allocation.table';
import type {
  CustomerReceiptsTable,
  LettersOfCreditTable,
  ReceiptApplicationsTable,
} from '../modules/payments/payment.table';
import type {
  CarrierRulesTable,
  LogisticsExceptionsTable,
  OutboxMessagesTable,
  ShipmentLinesTable,
  ShipmentsTable,
  TrackingEventsTable,
} from '../modules/shipping/shipment.table';
import type { CustomerStatementsTable, ReceivablesTable } from '../modules/receivables/receivable.table';
import type { CallbacksTable, ComplaintsTable, InvoicesTable } from '../modules/feedback/feedback.table';
import type {
  InvoiceReversalsTable,
  QuarantineBalancesTable,
  QuarantineMovementsTable,
  ReturnLinesTable,
  ReturnsTable,
} from '../modules/returns/return.table';
import type { ChangeApprovalsTable, ChangeRequestsTable, OrderVersionsTable } from '../modules/changes/change.table';
import type { SampleLoansTable } from '../modules/samples/sample.table';
import type { SampleApprovalsTable, SampleRoundsTable } from '../modules/sample-approval/sample-approval.table';
import type { PrepRequestLinesTable, PrepRequestsTable } from '../modules/prep/prep.table';
import type { StockEarmarksTable } from '../modules/stock/earmark.table';
import type {
  DomainEventsTable,
  WebhookAttemptsTable,
  WebhookDeliveriesTable,
  WebhookSubscriptionsTable,
} from '../modules/webhooks/webhook.table';
import type { BackupRunsTable } from '../modules/backups/backup.table';
import type { MessagesTable } from '../modules/messages/message.table';
import type { PortalUsersTable } from '../modules/portal/portal.table';
import type {
  InquiriesTable,
  QuotationLinesTable,
  QuotationsTable,
  QuotationVersionsTable,
} from '../modules/quotations/quotation.table';
import type { ImportJobsTable } from '../modules/imports/import-job.table';
import type {
  ContractClauseTemplatesTable,
  ContractLinesTable,
  ContractReviewsTable,
  ContractsTable,
} from '../modules/contracts/contract.table';

// Every table of the database, by name.
export interface DB {
  companies: CompaniesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  idempotency_keys: IdempotencyKeysTable;
  state_history: StateHistoryTable;
  attachments: AttachmentsTable;
  customers: CustomersTable;
  customer_prices: CustomerPricesTable;
  products: ProductsTable;
  warehouses: WarehousesTable;
  stock_balances: StockBalancesTable;
  stock_movements: StockMovementsTable;
  company_settings: CompanySettingsTable;
  exchange_rates: ExchangeRatesTable;
  lc_versions: LcVersionsTable;
  inspections: InspectionsTable;
  order_number_counters: OrderNumberCountersTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  review_stages: ReviewStagesTable;
  production_requests: ProductionRequestsTable;
  notifications: NotificationsTable;
  goods_receipts: GoodsReceiptsTable;
  stores: StoresTable;
  store_demand: StoreDemandTable;
  region_demand: RegionDemandTable;
  franchisee_balances: FranchiseeBalancesTable;
  franchisee_ledger: FranchiseeLedgerTable;
  allocation_runs: AllocationRunsTable;
  allocation_reservations: AllocationReservationsTable;
  pick_lists: PickListsTable;
  pick_list_lines: PickListLinesTable;
  customer_receipts: CustomerReceiptsTable;
  receipt_applications: ReceiptApplicationsTable;
  letters_of_credit: LettersOfCreditTable;
  shipments: ShipmentsTable;
  shipment_lines: ShipmentLinesTable;
  carrier_rules: CarrierRulesTable;
  tracking_events: TrackingEventsTable;
  logistics_exceptions: LogisticsExceptionsTable;
  outbox_messages: OutboxMessagesTable;
  receivables: ReceivablesTable;
  customer_statements: CustomerStatementsTable;
  credit_change_requests: CreditChangeRequestsTable;
  customer_credit_changes: CustomerCreditChangesTable;
  callbacks: CallbacksTable;
  complaints: ComplaintsTable;
  return_requests: ReturnsTable;
  invoices: InvoicesTable;
  change_requests: ChangeRequestsTable;
  change_approvals: ChangeApprovalsTable;
  order_versions: OrderVersionsTable;
  return_lines: ReturnLinesTable;
  quarantine_balances: QuarantineBalancesTable;
  quarantine_movements: QuarantineMovementsTable;
  invoice_reversals: InvoiceReversalsTable;
  sample_loans: SampleLoansTable;
  prep_requests: PrepRequestsTable;
  prep_request_lines: PrepRequestLinesTable;
  stock_earmarks: StockEarmarksTable;
  domain_events: DomainEventsTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  backup_runs: BackupRunsTable;
  messages: MessagesTable;
  portal_users: PortalUsersTable;
  monthly_reports: MonthlyReportsTable;
  inquiries: InquiriesTable;
  quotations: QuotationsTable;
  quotation_versions: QuotationVersionsTable;
  quotation_lines: QuotationLinesTable;
  import_jobs: ImportJobsTable;
  contract_clause_templates: ContractClauseTemplatesTable;
  contracts: ContractsTable;
  contract_lines: ContractLinesTable;
  contract_reviews: ContractReviewsTable;
  sample_approvals: SampleApprovalsTable;
  sample_rounds: SampleRoundsTable;
}

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
