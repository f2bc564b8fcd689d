import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { localParts, todayOf } from '../../lib/local-date';
import type { Actor } from '../auth/auth.service';
import { findCustomer } from '../customers/customer.repository';
import { insertHistory } from '../history/history.repository';
import { exportColumns } from '../orders/order-currency';
import type { ExportFieldsInput } from '../orders/order.schemas';
import { markQuoted } from './inquiries';
import { priceDraft, type DraftTerms } from './quote-lines';
import * as repo from './quotation.repository';
import type { CreateQuotationInput } from './quotation.schemas';
import { getQuotation, type Quotation } from './quotation.service';
import type { QuotationChange, QuotationTerms } from './quotation.table';

// A quotation's first version, and the pricing and version rows every revision writes too.

const field = (path: string, message: string) =>
  new AppError('VALIDATION.FAILED', { summary: path }, [{ path, message }]);

export type { DraftTerms } from './quote-lines';

/** The export fields of a create or revise body, and the rest. */
export function splitExport<T extends ExportFieldsInput>(input: T) {
  const {
    currency,
    export: exportFlag,
    tradeTerm,
    portOfLoading,
    portOfDestination,
    containerType,
    containerCount,
    ...rest
  } = input;
  const fx: ExportFieldsInput = {
    currency,
    export: exportFlag,
    tradeTerm,
    portOfLoading,
    portOfDestination,
    containerType,
    containerCount,
  };
  return { fx, rest };
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
  const { fx } = splitExport(input);
  const cols = await exportColumns(db, actor.companyId, fx, { currency: 'CNY', order_date: todayOf(env) });
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
  const { rows, priced } = await priceDraft(db, actor, draft, {
    customerId: customer.id,
    day: todayOf(env),
    currency: cols.currency ?? 'CNY',
    rate: cols.exchange_rate ?? '1',
  });
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
    ...cols,
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
