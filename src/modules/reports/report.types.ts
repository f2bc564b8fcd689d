import type { FigureKey } from './report.labels';

// The monthly report as the API returns it and as it is stored (monthly_reports.data). Codes, never display
// text: the web page and the documents translate keys, stages and reasons.

export type Figure = {
  key: FigureKey;
  value: number | null;
  unit: 'count' | 'fen' | 'rate' | 'hours';
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
  /** The share of completed call-backs whose outcome was OK (call-backs carry no score). */
  satisfaction: number | null;
  collectionRate: number | null;
  amountFen: number;
  completionRate: number | null;
};
export type AgingBucket = '1-30' | '31-60' | '61-90' | '90+';
export type MonthlyReport = {
  month: string;
  companyId: string;
  builtAt: string;
  figures: Figure[];
  stageCycles: {
    stage: string;
    avgHours: number | null;
    count: number;
    onTimeRate: number | null;
    /** Stages with a time limit, and those decided within it (the rate's denominator and numerator). */
    timed: number;
    onTime: number;
  }[];
  complaintReasons: { reason: string; count: number }[];
  returnReasons: { reason: string; count: number }[];
  agingBuckets: { bucket: AgingBucket; amountFen: number; count: number }[];
  sales: { byRegion: SalesRow[]; byCustomer: SalesRow[]; byProduct: SalesRow[]; bySalesperson: SalesRow[] };
  kpis: { clerks: KpiRow[]; departments: KpiRow[] };
  customers: {
    byRegion: (SalesRow & { customerCount: number })[];
    abc: {
      customerId: string;
      name: string;
      amountFen: number;
      orderCount: number;
      amountClass: 'A' | 'B' | 'C';
      frequencyClass: 'A' | 'B' | 'C';
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

export const rate = (numerator: number, denominator: number) => (denominator ? numerator / denominator : null);
