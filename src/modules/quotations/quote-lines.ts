import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { formatMoney, parseMoney, toRmb } from '../../lib/money';
import type { Actor } from '../auth/auth.service';
import { entitledPrices } from '../customers/customer-prices';
import { fromRmb } from '../customers/customer-pricing';
import { findProductsByIds } from '../products/product.repository';
import { getSettings } from '../settings/settings.service';
import { priceQuotation } from './quote-pricing';
import type { CreateQuotationInput } from './quotation.schemas';
import type { PriceSource, QuotationTerms } from './quotation.table';

// A quotation's lines priced on the quotation's day. A line without a price takes the price the customer is
// entitled to (its own valid price, else the list price less its discount, else the list price, in the quotation's
// currency); the line says which it was, or 'manual' when a different price was typed.
//
// The director's discount check (review.maxDiscountPercent) compares a line's price with that entitled price, not
// with the list price: the customer's prices and discount are set by the sales director (customer-prices.ts), so a
// quotation at them is already approved, and only a price under what the customer is entitled to needs approval.
// A line still an inquiry's free description is priced as typed (zero until then) with no cost: submit and send
// refuse it until it is matched to a product.

export type DraftTerms = Omit<QuotationTerms, 'total' | 'costTotal'> & { lines: CreateQuotationInput['lines'] };
export type QuoteDoc = { customerId: string; day: string; currency: string; rate: string };

export async function priceDraft(db: Db, actor: Actor, t: DraftTerms, doc: QuoteDoc) {
  const ids = t.lines.flatMap((l) => (l.productId ? [l.productId] : []));
  const byId = new Map((await findProductsByIds(db, actor.companyId, ids)).map((p) => [p.id, p]));
  const chosen = t.lines.map((l, i) => {
    if (!l.productId) return { p: undefined, l };
    const p = byId.get(l.productId);
    if (!p) throw new AppError('PRODUCT.NOT_FOUND', {}, [{ path: `lines[${i}].productId`, message: 'not found' }]);
    if (!p.active)
      throw new AppError('PRODUCT.INACTIVE', { sku: p.sku }, [{ path: `lines[${i}].productId`, message: 'inactive' }]);
    return { p, l };
  });
  const entitled = await entitledPrices(
    db,
    actor.companyId,
    doc.customerId,
    [...byId.values()].map((p) => ({ id: p.id, listPrice: fromRmb(p.list_price, doc.rate) })),
    doc,
  );
  const lines = chosen.map(({ p, l }) => {
    if (!p) return { l, p, source: 'unmatched' as PriceSource, entitled: null, unitPrice: l.unitPrice ?? '0.00' };
    const e = entitled.get(p.id)!;
    const unitPrice = l.unitPrice ?? e.price;
    const source: PriceSource = parseMoney(unitPrice) === parseMoney(e.price) ? e.source : 'manual';
    return { l, p, source, entitled: e.price, unitPrice };
  });
  const { review } = await getSettings(db, actor.companyId);
  const priced = priceQuotation(
    lines.map((x) => ({
      qty: x.l.qty,
      unitPrice: x.unitPrice,
      // The reference of the discount check, in RMB like the check itself.
      listPrice: x.entitled === null ? '0.00' : formatMoney(toRmb(parseMoney(x.entitled), doc.rate)),
      standardCost: x.p?.standard_cost ?? '0.00',
    })),
    t.extraCosts,
    review,
    doc.rate,
  );
  const rows = lines.map(({ p, l, source, entitled: e }, i) => ({
    line_no: i + 1,
    product_id: p?.id ?? null,
    sku: p?.sku ?? '',
    name: p?.name ?? l.description ?? '',
    spec: p?.spec ?? l.spec ?? '',
    unit: p?.unit ?? l.unit ?? '',
    qty: l.qty,
    unit_price: priced.lines[i].unitPrice,
    list_price: p?.list_price ?? '0.00',
    standard_cost: p?.standard_cost ?? '0.00',
    amount: priced.lines[i].amount,
    extra_cost: priced.lines[i].extraCost,
    remark: l.remark,
    price_source: source,
    entitled_price: e,
  }));
  return { rows, priced };
}
