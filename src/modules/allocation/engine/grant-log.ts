import type { AllocationInput, Rule, TargetKind } from './types';
import type { Grant } from './engine';

export const KINDS = { franchisee: 'franchisee', store: 'store', region: 'region' } as const;
export const RULES = {
  paid: '6.4.2.2',
  money: '6.4.2.4',
  reserve: '6.4.2.5',
  seasonal: '6.4.3.3',
  plain: '6.4.3.4',
} as const satisfies Record<string, Rule>;

/** Fen as a double while exact, as bigint beyond. */
type Money = number | bigint;
const addMoney = (a: Money, b: Money): Money =>
  typeof a === 'number' && typeof b === 'number' ? a + b : BigInt(a) + BigInt(b);

/** A result row: consecutive grants of one SKU to one target under one rule (and so one status). */
export class MergedRow {
  constructor(
    public product: number,
    public kind: TargetKind,
    public target: number,
    public rule: Rule,
    public qty: number,
    public requested: number,
    public funds: Money,
    public credit: Money,
    /** Region rank of a store or region grant; -1 for franchisees. */
    public region: number,
  ) {}
}

const KIND_CODE: Record<TargetKind, number> = { franchisee: 0, store: 1, region: 2 };
const KIND_OF: TargetKind[] = ['franchisee', 'store', 'region'];
const RULE_OF: Rule[] = Object.values(RULES);
const RULE_CODE = Object.fromEntries(RULE_OF.map((r, i) => [r, i])) as Record<Rule, number>;

/**
 * Every grant in the order the engine made it, as typed columns (targets and products by index), and the
 * merged result rows built as grants arrive, so no object is made per grant.
 */
export class GrantLog {
  readonly rows: MergedRow[] = [];
  private size = 0;
  private product = new Int32Array(1024);
  private kind = new Uint8Array(1024);
  private target = new Int32Array(1024);
  private qty = new Float64Array(1024);
  private rule = new Uint8Array(1024);
  private line = new Int32Array(1024);

  private grow() {
    const more = <T extends Int32Array | Uint8Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    this.product = more(this.product);
    this.kind = more(this.kind);
    this.target = more(this.target);
    this.qty = more(this.qty);
    this.rule = more(this.rule);
    this.line = more(this.line);
  }

  add(
    product: number,
    kind: TargetKind,
    target: number,
    qty: number,
    rule: Rule,
    requested: number,
    line: number,
    funds: Money,
    credit: Money,
    region = -1,
  ) {
    if (this.size === this.qty.length) this.grow();
    const g = this.size++;
    this.product[g] = product;
    this.kind[g] = KIND_CODE[kind];
    this.target[g] = target;
    this.qty[g] = qty;
    this.rule[g] = RULE_CODE[rule];
    this.line[g] = line;
    const last = this.rows[this.rows.length - 1];
    if (last && last.product === product && last.target === target && last.kind === kind && last.rule === rule) {
      last.qty += qty;
      last.requested += requested;
      if (funds !== 0) last.funds = addMoney(last.funds, funds);
      if (credit !== 0) last.credit = addMoney(last.credit, credit);
    } else this.rows.push(new MergedRow(product, kind, target, rule, qty, requested, funds, credit, region));
  }

  targetId(input: AllocationInput, kind: TargetKind, target: number, regionNames: string[]) {
    if (kind === 'franchisee') return input.franchisees[target].id;
    if (kind === 'store') return input.stores[target].id;
    return regionNames[target];
  }

  /** The grants as objects (what a committed run writes), franchisee grants with their order line. */
  grants(input: AllocationInput, regionNames: string[]): Grant[] {
    const out: Grant[] = new Array(this.size);
    for (let g = 0; g < out.length; g++) {
      const rule = RULE_OF[this.rule[g]];
      const kind = KIND_OF[this.kind[g]];
      out[g] = {
        sku: input.products[this.product[g]].sku,
        kind,
        id: this.targetId(input, kind, this.target[g], regionNames),
        qty: this.qty[g],
        status: rule === RULES.reserve ? 'reserved' : 'ship',
        rule,
        lineIndex: this.line[g] >= 0 ? this.line[g] : undefined,
      };
    }
    return out;
  }
}
