// 报表: the monthly analysis report (模板4 月度订单分析报表), the orders behind one of its figures, and KPIs by group.
import { api, withQuery } from './client';

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
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];
export type FigureUnit = 'count' | 'fen' | 'rate' | 'hours';
/** One headline figure; a rate is 0..1 and null when its denominator is 0. */
export type Figure = {
  key: FigureKey;
  value: number | null;
  unit: FigureUnit;
  numerator?: number;
  denominator?: number;
  drill: boolean;
};
export type SalesRow = { key: string; name: string; orderCount: number; amountFen: number };
export type KpiRow = {
  key: string;
  name: string;
  orderCount: number;
  onTimeProcessingRate: number | null;
  accuracyRate: number | null;
  satisfaction: number | null;
  collectionRate: number | null;
};
export type AgingBucket = '1-30' | '31-60' | '61-90' | '90+';
export type AbcClass = 'A' | 'B' | 'C';
export type MonthlyReport = {
  month: string;
  companyId: string;
  builtAt: string;
  figures: Figure[];
  stageCycles: { stage: string; avgHours: number | null; count: number; onTimeRate: number | null }[];
  complaintReasons: { reason: string; count: number }[];
  returnReasons: { reason: string; count: number }[];
  agingBuckets: { bucket: AgingBucket; amountFen: number; count: number }[];
  sales: { byRegion: SalesRow[]; byCustomer: SalesRow[]; byProduct: SalesRow[]; bySalesperson: SalesRow[] };
  kpis: { clerks: KpiRow[]; departments: KpiRow[] };
  customers: {
    byRegion: SalesRow[];
    abc: {
      customerId: string;
      name: string;
      amountFen: number;
      orderCount: number;
      amountClass: AbcClass;
      frequencyClass: AbcClass;
    }[];
    fallingOff: {
      customerId: string;
      name: string;
      monthAmountFen: number;
      previousAvgFen: number;
      dropRate: number;
    }[];
  };
};
/** An order behind a figure (the drill-down list). */
export type FigureOrder = {
  id: string;
  number: string;
  customerName: string;
  amountFen: number;
  status: string;
  registeredAt: string;
};
export const KPI_GROUPS = ['clerk', 'department', 'region', 'customer', 'product'] as const;
export type KpiGroup = (typeof KPI_GROUPS)[number];
export type KpiReport = {
  from: string;
  to: string;
  groupBy: KpiGroup;
  rows: (KpiRow & { amountFen: number; completionRate: number | null })[];
};

/** Roles that may build a month's report again (the server checks it too). */
export const REBUILD_ROLES = ['sales_director', 'general_manager', 'order_admin'];

export const reportsApi = {
  monthly: (month: string): Promise<MonthlyReport> => api.get('/api/reports/monthly', { month }),
  rebuild: (month: string): Promise<MonthlyReport> => api.post('/api/reports/monthly/rebuild', { month }),
  /** The report as a workbook or a PDF, in the reader's language. */
  fileUrl: (month: string, format: 'xlsx' | 'pdf', lang: string) =>
    withQuery('/api/reports/monthly', { month, format, lang }),
  /** The paged orders behind one figure, for ServerTable (it adds page and pageSize). */
  figureOrdersUrl: '/api/reports/monthly/orders',
  kpis: (query: { from: string; to: string; groupBy: KpiGroup }): Promise<KpiReport> => api.get('/api/kpis', query),
};
