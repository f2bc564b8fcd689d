import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { availableEvents } from '../../lib/state-machine';
import { todayOf } from '../../lib/local-date';
import type { Actor } from '../auth/auth.service';
import { hasRole } from '../auth/roles';
import { priceQuotation } from './quote-pricing';
import { quotationMachine, type QuotationEvent } from './quotation.machine';
import * as repo from './quotation.repository';
import type { QuotationStatus } from './quotation.table';
import { exportTermsOf } from '../orders/order-currency';

// 报价单: lines priced from the price list and costed (standard cost + the extra costs spread by amount), the margin
// per line and in total, each version kept with what changed.

export type QuotationAction = QuotationEvent | 'order';

/** The events the user may apply now (the screen's buttons), and `order` for an accepted quotation not yet ordered. */
function quotationActions(
  row: repo.QuotationRow,
  lines: repo.QuotationLineRow[],
  actor: Actor,
  today: string,
): QuotationAction[] {
  const unmatched = lines.filter((l) => !l.product_id).map((l) => ({ line: l.line_no, description: l.name }));
  const context = { approvalReasons: row.approval_reasons, validUntil: row.valid_until, today, unmatched };
  const events: QuotationAction[] = availableEvents(quotationMachine, row.status, actor, context).filter(
    (e) => e !== 'expire',
  );
  if (row.status === 'accepted' && !row.order_id && hasRole(actor.roles, ['sales_assistant'])) events.push('order');
  return events;
}

function toQuotation(row: repo.QuotationRow, lines: repo.QuotationLineRow[], actor: Actor, today: string) {
  const priced = priceQuotation(
    lines.map((l) => ({ qty: l.qty, unitPrice: l.unit_price, listPrice: l.list_price, standardCost: l.standard_cost })),
    row.extra_costs,
    { maxDiscountPercent: 100, minMarginPercent: 0 },
    row.exchange_rate,
  );
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    version: row.version,
    customer: { id: row.customer_id, code: row.customer_code, name: row.customer_name },
    inquiry: row.inquiry_id ? { id: row.inquiry_id, number: row.inquiry_number ?? '' } : null,
    source: row.source,
    validUntil: row.valid_until,
    expectedDeliveryDate: row.expected_delivery_date,
    paymentMethod: row.payment_method,
    paymentDays: row.payment_days,
    packingTerms: row.packing_terms,
    remarks: row.remarks,
    extraCosts: row.extra_costs,
    total: row.total,
    /** 外贸: prices and totals are in `currency`; margins and costs in RMB, the revenue at `exchangeRate`. */
    ...exportTermsOf(row),
    rmbTotal: priced.rmbTotal,
    costTotal: row.cost_total,
    extraCostTotal: priced.extraCostTotal,
    margin: priced.margin,
    marginPercent: priced.marginPercent,
    /** Why the sales director must approve before it is sent: 'discount', 'margin'; empty when within the limits. */
    approvalReasons: row.approval_reasons,
    reviewNote: row.review_note,
    declineReason: row.decline_reason,
    order: row.order_id ? { id: row.order_id, number: row.order_number ?? '' } : null,
    sentAt: row.sent_at,
    acceptedAt: row.accepted_at,
    createdBy: { id: row.created_by, name: row.created_by_name ?? '' },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    actions: quotationActions(row, lines, actor, today),
    lines: lines.map((l, i) => ({
      lineNo: l.line_no,
      productId: l.product_id,
      sku: l.sku,
      name: l.name,
      spec: l.spec,
      unit: l.unit,
      qty: l.qty,
      unitPrice: l.unit_price,
      listPrice: l.list_price,
      standardCost: l.standard_cost,
      amount: l.amount,
      extraCost: l.extra_cost,
      cost: priced.lines[i].cost,
      margin: priced.lines[i].margin,
      remark: l.remark,
      /** customer_price, customer_discount, list_price, manual (typed), or unmatched (a description to match). */
      priceSource: l.price_source,
      /** The price the customer was entitled to (its price list, discount or the list price); null if unmatched. */
      entitledPrice: l.entitled_price,
    })),
  };
}
export type Quotation = ReturnType<typeof toQuotation>;

export async function getQuotation(db: Db, actor: Actor, env: Env, id: string): Promise<Quotation> {
  const row = await repo.findQuotation(db, actor.companyId, id);
  if (!row) throw new AppError('QUOTATION.NOT_FOUND');
  return toQuotation(row, await repo.findLines(db, actor.companyId, id, row.version), actor, todayOf(env));
}

export async function listQuotations(
  db: Db,
  actor: Actor,
  env: Env,
  q: { status?: QuotationStatus; customer?: string; q?: string; page: number; pageSize: number },
) {
  const page = await repo.listQuotations(db, actor.companyId, { ...q, customerId: q.customer });
  const lines = await repo.findCurrentLines(
    db,
    actor.companyId,
    page.items.map((r) => r.id),
  );
  const today = todayOf(env);
  const items = page.items.map((r) =>
    toQuotation(
      r,
      lines.filter((l) => l.quotation_id === r.id),
      actor,
      today,
    ),
  );
  return { ...page, items };
}

/** Every version, newest first: its terms and lines as they were, and what changed from the one before. */
export async function quotationVersions(db: Db, actor: Actor, id: string) {
  const row = await repo.findQuotation(db, actor.companyId, id);
  if (!row) throw new AppError('QUOTATION.NOT_FOUND');
  const versions = await repo.listVersions(db, actor.companyId, id);
  const out = [];
  for (const v of versions) {
    const lines = await repo.findLines(db, actor.companyId, id, v.version);
    out.push({
      version: v.version,
      terms: v.terms,
      changes: v.changes,
      note: v.note,
      createdAt: v.created_at,
      createdBy: { id: v.created_by, name: v.created_by_name ?? '' },
      lines: lines.map((l) => ({
        lineNo: l.line_no,
        sku: l.sku,
        name: l.name,
        qty: l.qty,
        unitPrice: l.unit_price,
        amount: l.amount,
      })),
    });
  }
  return out;
}
