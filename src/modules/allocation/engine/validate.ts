import type { AllocationInput } from './types';

// Refuses the whole input and names every wrong path; never guesses.
const MONEY = /^\d{1,16}(\.\d{1,2})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isValidDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function validateInput(raw: unknown): { ok: true; input: AllocationInput } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const err = (path: string, msg: string) => errors.push(`${path}: ${msg}`);
  if (!isObj(raw)) return { ok: false, errors: ['(root): must be a JSON object'] };

  const str = (o: Obj, key: string, path: string): string | undefined => {
    const v = o[key];
    if (typeof v !== 'string' || v === '')
      return void err(`${path}.${key}`.replace(/^\./, ''), 'must be a non-empty string');
    return v;
  };
  const money = (o: Obj, key: string, path: string, optional = false) => {
    const v = o[key];
    if (v === undefined && optional) return;
    if (typeof v !== 'string' || !MONEY.test(v))
      err(
        `${path}.${key}`,
        `malformed money ${JSON.stringify(v)}: a non-negative decimal string with at most 2 decimals`,
      );
  };
  const int = (o: Obj, key: string, path: string, min?: number) => {
    const v = o[key];
    if (typeof v !== 'number' || !Number.isInteger(v))
      return void err(`${path}.${key}`, `must be an integer, got ${JSON.stringify(v)}`);
    if (min !== undefined && v < min) err(`${path}.${key}`, `must not be negative, got ${v}`);
  };
  const list = (key: string): Obj[] => {
    const v = raw[key];
    if (!Array.isArray(v)) {
      err(key, 'must be an array');
      return [];
    }
    return v.map((item, i) => {
      if (!isObj(item)) {
        err(`${key}[${i}]`, 'must be an object');
        return {};
      }
      return item;
    });
  };

  if (raw.schema !== 'allocation-input/v1')
    err('schema', `must be "allocation-input/v1", got ${JSON.stringify(raw.schema)}`);
  if (typeof raw.asOf !== 'string' || !isValidDate(raw.asOf))
    err('asOf', `bad date ${JSON.stringify(raw.asOf)}: YYYY-MM-DD`);
  if (raw.season !== 'spring_summer' && raw.season !== 'autumn_winter')
    err('season', `unknown season ${JSON.stringify(raw.season)}: spring_summer or autumn_winter`);
  if (!isObj(raw.policy)) err('policy', 'must be an object');
  else {
    if (raw.policy.paidFranchiseeOrder !== 'priority' && raw.policy.paidFranchiseeOrder !== 'funds')
      err(
        'policy.paidFranchiseeOrder',
        `unknown policy ${JSON.stringify(raw.policy.paidFranchiseeOrder)}: priority or funds`,
      );
    int(raw.policy, 'reservationDays', 'policy', 0);
  }

  const products = list('products');
  const skus = new Set<string>();
  products.forEach((p, i) => {
    const path = `products[${i}]`;
    const sku = str(p, 'sku', path);
    if (sku !== undefined) {
      if (skus.has(sku)) err(`${path}.sku`, `duplicate SKU "${sku}"`);
      skus.add(sku);
    }
    money(p, 'price', path);
    if (typeof p.seasonal !== 'boolean') err(`${path}.seasonal`, 'must be true or false');
    int(p, 'launchPriority', path);
  });
  const knownSku = (o: Obj, path: string) => {
    const sku = str(o, 'sku', path);
    if (sku !== undefined && !skus.has(sku)) err(`${path}.sku`, `unknown SKU "${sku}"`);
  };

  const seenAvailable = new Set<string>();
  list('available').forEach((a, i) => {
    const path = `available[${i}]`;
    knownSku(a, path);
    if (typeof a.sku === 'string') {
      if (seenAvailable.has(a.sku)) err(`${path}.sku`, `duplicate SKU "${a.sku}"`);
      seenAvailable.add(a.sku);
    }
    int(a, 'qty', path, 0);
  });

  const franchiseeIds = new Set<string>();
  list('franchisees').forEach((f, i) => {
    const path = `franchisees[${i}]`;
    const id = str(f, 'id', path);
    if (id !== undefined) {
      if (franchiseeIds.has(id)) err(`${path}.id`, `duplicate franchisee id "${id}"`);
      franchiseeIds.add(id);
    }
    int(f, 'priority', path);
    money(f, 'funds', path);
    money(f, 'credit', path);
  });
  list('franchiseeOrders').forEach((o, i) => {
    const path = `franchiseeOrders[${i}]`;
    const f = str(o, 'franchisee', path);
    if (f !== undefined && !franchiseeIds.has(f)) err(`${path}.franchisee`, `unknown franchisee "${f}"`);
    knownSku(o, path);
    int(o, 'qty', path, 0);
    money(o, 'price', path, true);
  });

  if (!isObj(raw.regionPriority)) err('regionPriority', 'must be an object with spring_summer and autumn_winter lists');
  else {
    for (const season of ['spring_summer', 'autumn_winter']) {
      const l = raw.regionPriority[season];
      if (!Array.isArray(l)) err(`regionPriority.${season}`, 'must be an array of region names');
      else
        l.forEach((r, i) =>
          typeof r === 'string' && r !== ''
            ? undefined
            : err(`regionPriority.${season}[${i}]`, 'must be a non-empty string'),
        );
    }
  }

  const storeIds = new Set<string>();
  list('stores').forEach((s, i) => {
    const path = `stores[${i}]`;
    const id = str(s, 'id', path);
    if (id !== undefined) {
      if (storeIds.has(id)) err(`${path}.id`, `duplicate store id "${id}"`);
      storeIds.add(id);
    }
    str(s, 'region', path);
    if (!['A', 'B', 'C'].includes(s.class as string))
      err(`${path}.class`, `unknown class ${JSON.stringify(s.class)}: A, B or C`);
    if (s.kind !== 'direct' && s.kind !== 'joint')
      err(`${path}.kind`, `unknown kind ${JSON.stringify(s.kind)}: direct or joint`);
  });
  list('storeDemand').forEach((d, i) => {
    const path = `storeDemand[${i}]`;
    const store = str(d, 'store', path);
    if (store !== undefined && !storeIds.has(store)) err(`${path}.store`, `unknown store "${store}"`);
    knownSku(d, path);
    int(d, 'qty', path, 0);
  });
  list('regionDemand').forEach((d, i) => {
    const path = `regionDemand[${i}]`;
    str(d, 'region', path);
    knownSku(d, path);
    int(d, 'qty', path, 0);
  });

  return errors.length ? { ok: false, errors } : { ok: true, input: raw as unknown as AllocationInput };
}
