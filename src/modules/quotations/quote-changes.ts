import { formatMoney, parseMoney } from '../../lib/money';
import type { QuotationChange, QuotationTerms } from './quotation.table';

// What a revision changed: the terms one by one, the lines by position (product, quantity, price, remark), lines
// added or taken away, and the total.

type Line = { sku: string; name?: string; qty: number; unit_price: string; remark: string };
/** A line by its SKU, or by its description while it is not matched to a product. */
const label = (l: Line) => l.sku || (l.name ?? '');
type Terms = Omit<QuotationTerms, 'extraCosts'> & { extraCosts: readonly { amount: string }[] };

const TERMS = [
  'validUntil',
  'expectedDeliveryDate',
  'paymentMethod',
  'paymentDays',
  'packingTerms',
  'remarks',
] as const;
const extraTotal = (t: Terms) => formatMoney(t.extraCosts.reduce((s, c) => s + parseMoney(c.amount), 0n));

export function quotationChanges(before: Terms, after: Terms, old: readonly Line[], now: readonly Line[]) {
  const changes: QuotationChange[] = [];
  for (const f of TERMS)
    if ((before[f] ?? null) !== (after[f] ?? null))
      changes.push({ field: f, from: before[f] ?? null, to: after[f] ?? null });
  if (extraTotal(before) !== extraTotal(after))
    changes.push({ field: 'extraCosts', from: extraTotal(before), to: extraTotal(after) });
  for (let i = 0; i < Math.max(old.length, now.length); i++) {
    const a = old[i];
    const b = now[i];
    const line = `${i + 1}`;
    if (!a) changes.push({ field: 'lineAdded', line, from: null, to: `${label(b)} × ${b.qty}` });
    else if (!b) changes.push({ field: 'lineRemoved', line, from: `${label(a)} × ${a.qty}`, to: null });
    else {
      if (label(a) !== label(b)) changes.push({ field: 'product', line, from: label(a), to: label(b) });
      if (a.qty !== b.qty) changes.push({ field: 'qty', line, from: a.qty, to: b.qty });
      if (parseMoney(a.unit_price) !== parseMoney(b.unit_price))
        changes.push({ field: 'unitPrice', line, from: a.unit_price, to: b.unit_price });
      if (a.remark !== b.remark) changes.push({ field: 'remark', line, from: a.remark, to: b.remark });
    }
  }
  if (parseMoney(before.total) !== parseMoney(after.total))
    changes.push({ field: 'total', from: before.total, to: after.total });
  return changes;
}
