// allocation-input/v1 and allocation-result/v1 (spec/allocation.md).
export type Season = 'spring_summer' | 'autumn_winter';
export type AllocationInput = {
  schema: 'allocation-input/v1';
  asOf: string;
  season: Season;
  policy: { paidFranchiseeOrder: 'priority' | 'funds'; reservationDays: number };
  products: { sku: string; price: string; seasonal: boolean; launchPriority: number }[];
  available: { sku: string; qty: number }[];
  franchisees: { id: string; priority: number; funds: string; credit: string }[];
  franchiseeOrders: { franchisee: string; sku: string; qty: number; price?: string }[];
  regionPriority: Record<Season, string[]>;
  stores: { id: string; region: string; class: 'A' | 'B' | 'C'; kind: 'direct' | 'joint' }[];
  storeDemand: { store: string; sku: string; qty: number }[];
  regionDemand: { region: string; sku: string; qty: number }[];
};

export type Rule = '6.4.2.2' | '6.4.2.4' | '6.4.2.5' | '6.4.3.3' | '6.4.3.4';
export type TargetKind = 'franchisee' | 'store' | 'region';

export type AllocationRow = {
  sku: string;
  to: { kind: TargetKind; id: string };
  qty: number;
  status: 'ship' | 'reserved';
  rule: Rule;
  fundsUsed?: string;
  creditUsed?: string;
  expiresOn?: string;
};

export type AllocationResult = {
  schema: 'allocation-result/v1';
  allocations: AllocationRow[];
  franchisees: { id: string; fundsUsed: string; creditUsed: string; fundsLeft: string; creditLeft: string }[];
  remaining: { sku: string; qty: number }[];
};

/** What a row's explanation needs beyond the row: how much was asked, and where the target stands. */
export type RowFacts = { requested: number; regionRank?: number; region?: string };
