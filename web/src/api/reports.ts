// 报表: the monthly analysis report (模板4 月度订单分析报表), the orders behind one of its figures, and KPIs by group.
import { call, urlOf, type QueryOf } from './client';
// The routes declare no response schema: the report's shape is the server's own type (types only, no code).
import type { Figure, KpiRow, MonthlyReport, SalesRow } from '../../../src/modules/reports/report.types';

export type { Figure, KpiRow, MonthlyReport, SalesRow };
export type FigureKey = QueryOf<'GET /api/reports/monthly/orders'>['figure'];
export type KpiGroup = QueryOf<'GET /api/kpis'>['groupBy'];
export type AbcClass = MonthlyReport['customers']['abc'][number]['amountClass'];

/** Every figure of the report, in its order (the compiler checks each is one the drill-down accepts). */
export const FIGURE_KEYS = [
  'orderCount',
  'orderAmount',
  'completionRate',
  'avgCycleHours',
  'onTimeProcessingRate',
  'onTimeDeliveryRate',
  'accuracyRate',
  'complaintRate',
  'returnRate',
  'collectionRate',
  'overdueAmount',
  'allocationFillRate',
  'quotationConversionRate',
] as const satisfies readonly FigureKey[];
export const KPI_GROUPS = [
  'clerk',
  'department',
  'region',
  'customer',
  'product',
] as const satisfies readonly KpiGroup[];

/** An order behind a figure (the drill-down list). */
export type FigureOrder = {
  id: string;
  number: string;
  customerName: string;
  amountFen: number;
  status: string;
  registeredAt: string;
};
export type KpiReport = { from: string; to: string; groupBy: KpiGroup; rows: KpiRow[] };

/** Roles that may build a closed month's report again (the server checks it too). */
export const REBUILD_ROLES = ['sales_director', 'general_manager', 'order_admin'];

export const reportsApi = {
  monthly: (month: string): Promise<MonthlyReport> => call('GET /api/reports/monthly', { query: { month } }),
  rebuild: (month: string): Promise<MonthlyReport> => call('POST /api/reports/monthly/rebuild', { body: { month } }),
  /** The report as a workbook or a PDF, with every definition, in the reader's language. */
  fileUrl: (month: string, format: 'xlsx' | 'pdf', lang: string) =>
    urlOf('GET /api/reports/monthly', { query: { month, format, lang: lang === 'en' ? 'en' : 'zh-CN' } }),
  /** The paged orders behind one figure, for ServerTable (with month and figure as its filters). */
  figureOrdersUrl: urlOf('GET /api/reports/monthly/orders'),
  kpis: (query: QueryOf<'GET /api/kpis'>): Promise<KpiReport> => call('GET /api/kpis', { query }),
};
