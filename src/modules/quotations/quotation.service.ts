import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { localParts, todayOf } from '../../lib/local-date';
import { availableEvents } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { hasRole } from '../auth/roles';
import { findCustomer } from '../customers/customer.repository';
import { insertHistory } from '../history/history.repository';
import { findProductsByIds } from '../products/product.repository';
import { getSettings } from '../settings/settings.service';
import { markQuoted } from './inquiries';
import { priceQuotation } from './quote-pricing';
import { quotationMachine, type QuotationEvent } from './quotation.machine';
import * as repo from './quotation.repository';
import type { CreateQuotationInput } from './quotation.schemas';
import type { QuotationChange, QuotationStatus, QuotationTerms } from './quotation.table';

// 报价单: lines priced from the price list and costed (standard cost + the extra costs spread by amount), the margin
// per line and in total, each version kept with what changed.

export type QuotationAction = QuotationEvent | 'order';

const field = (path: string, message: string) =>
  new AppError('VALIDATION.FAILED', { summary: path }, [{ path, message }]);

/** The events the user may apply now (the screen's buttons), and `order` for an accepted quotation not yet ordered. */
function quotationActions(row: repo.QuotationRow, actor: Actor, today: string): QuotationAction[] {
  const context = { approvalReasons: row.approval_reasons, validUntil: row.valid_until, today };
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
    actions: quotationActions(row, actor, today),
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
  const items = [];
  for (const r of page.items)
    items.push(toQuotation(r, await repo.findLines(db, actor.companyId, r.id, r.version), actor, todayOf(env)));
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

export type DraftTerms = Omit<QuotationTerms, 'total' | 'costTotal'> & { lines: CreateQuotationInput['lines'] };

/** Lines priced from the price list (a line without a price gets the list price) and costed; the approval rules. */
export async function priceDraft(db: Db, actor: Actor, t: DraftTerms) {
  const products = await findProductsByIds(
    db,
    actor.companyId,
    t.lines.map((l) => l.productId),
  );
  const byId = new Map(products.map((p) => [p.id, p]));
  const chosen = t.lines.map((l, i) => {
    const p = byId.get(l.productId);
    if (!p) throw new AppError('PRODUCT.NOT_FOUND', {}, [{ path: `lines[${i}].productId`, message: 'not found' }]);
    if (!p.active)
      throw new AppError('PRODUCT.INACTIVE', { sku: p.sku }, [{ path: `lines[${i}].productId`, message: 'inactive' }]);
    return { p, l };
  });
  const { review } = await getSettings(db, actor.companyId);
  const priced = priceQuotation(
    chosen.map(({ p, l }) => ({
      qty: l.qty,
      unitPrice: l.unitPrice ?? p.list_price,
      listPrice: p.list_price,
      standardCost: p.standard_cost,
    })),
    t.extraCosts,
    review,
  );
  const rows = chosen.map(({ p, l }, i) => ({
    line_no: i + 1,
    product_id: p.id,
    sku: p.sku,
    name: p.name,
    spec: p.spec,
    unit: p.unit,
    qty: l.qty,
    unit_price: priced.lines[i].unitPrice,
    list_price: p.list_price,
    standard_cost: p.standard_cost,
    amount: priced.lines[i].amount,
    extra_cost: priced.lines[i].extraCost,
    remark: l.remark,
  }));
  return { rows, priced };
}

/** The version's row and lines: written for the first version and for every revision. */
export async function writeVersion(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  version: number,
  terms: QuotationTerms,
  rows: Awaited<ReturnType<typeof priceDraft>>['rows'],
  changes: QuotationChange[],
  note: string,
) {
  await repo.insertVersion(db, {
    company_id: actor.companyId,
    quotation_id: id,
    version,
    terms: JSON.stringify(terms),
    changes: JSON.stringify(changes),
    note,
    created_at: env.now,
    created_by: actor.userId,
  });
  await repo.insertLines(
    db,
    rows.map((r) => ({ ...r, company_id: actor.companyId, quotation_id: id, version })),
  );
}

export async function createQuotation(db: Db, actor: Actor, env: Env, input: CreateQuotationInput): Promise<Quotation> {
  const customer = await findCustomer(db, actor.companyId, input.customerId);
  if (!customer) throw field('customerId', 'not found');
  if (!customer.active) throw new AppError('CUSTOMER.INACTIVE');
  if (input.validUntil < todayOf(env)) throw field('validUntil', 'must not be before today');
  const inquiry = input.inquiryId ? await markQuoted(db, actor, env, input.inquiryId, customer.id) : undefined;
  const draft: DraftTerms = {
    validUntil: input.validUntil,
    expectedDeliveryDate: input.expectedDeliveryDate ?? null,
    paymentMethod: input.paymentMethod ?? customer.payment_method,
    paymentDays: input.paymentDays ?? customer.payment_days,
    packingTerms: input.packingTerms,
    remarks: input.remarks,
    extraCosts: input.extraCosts,
    lines: input.lines,
  };
  const { rows, priced } = await priceDraft(db, actor, draft);
  const p = localParts(env.now, env.workingHours.timeZone);
  const number = await repo.nextNumber(db, actor.companyId, 'quotations', `BJ${p.yyyy}${p.MM}-`);
  const { id } = await repo.insertQuotation(db, {
    company_id: actor.companyId,
    number,
    inquiry_id: input.inquiryId ?? null,
    customer_id: customer.id,
    source: input.source ?? inquiry?.source ?? 'email',
    valid_until: draft.validUntil,
    expected_delivery_date: draft.expectedDeliveryDate,
    payment_method: draft.paymentMethod,
    payment_days: draft.paymentDays,
    packing_terms: draft.packingTerms,
    remarks: draft.remarks,
    extra_costs: JSON.stringify(draft.extraCosts),
    total: priced.total,
    cost_total: priced.costTotal,
    approval_reasons: JSON.stringify(priced.approvalReasons),
    created_at: env.now,
    created_by: actor.userId,
    updated_at: env.now,
    updated_by: actor.userId,
  });
  const { lines: _lines, ...terms } = draft;
  await writeVersion(
    db,
    actor,
    env,
    id,
    1,
    { ...terms, total: priced.total, costTotal: priced.costTotal },
    rows,
    [],
    '',
  );
  await insertHistory(db, {
    company_id: actor.companyId,
    entity_type: 'quotation',
    entity_id: id,
    from_state: null,
    to_state: 'draft',
    event: 'create',
    actor_id: actor.userId,
    reason: null,
    at: env.now,
  });
  return getQuotation(db, actor, env, id);
}
