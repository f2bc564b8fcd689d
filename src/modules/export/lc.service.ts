import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError, type Lang } from '../../lib/errors';
import { todayOf } from '../../lib/local-date';

import { applyEvent } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import * as repo from './export.repository';
import { shipGatesOf } from './export-gates';
import { lcMachine } from './lc.machine';

export type LcTerms = {
  amount: string;
  currency: string;
  expiryDate: string;
  latestShipmentDate: string;
  documentsRequired: string[];
};

const view = (l: repo.LcRow) => ({
  id: l.id,
  orderId: l.order_id,
  orderNumber: l.order_number,
  number: l.number,
  status: l.status,
  version: l.version,
  amount: l.amount,
  currency: l.currency,
  expiryDate: l.expiry_date,
  latestShipmentDate: l.latest_shipment_date,
  documentsRequired: l.documents_required,
  discrepancies: l.discrepancies,
  receivedOn: l.received_on,
  checkedAt: l.checked_at,
});

/** 收证: the credit as it arrived, version 1, to be checked by the documents clerk. */
export async function receiveLc(
  db: Db,
  actor: Actor,
  input: LcTerms & { orderId: string; number: string; receivedOn: string },
) {
  const order = await repo.findExportOrder(db, actor.companyId, input.orderId);
  if (!order) throw new AppError('ORDER.NOT_FOUND');
  const { id } = await repo.insertLc(db, {
    company_id: actor.companyId,
    order_id: input.orderId,
    number: input.number,
    status: 'received',
    amount: input.amount,
    currency: input.currency,
    expiry_date: input.expiryDate,
    latest_shipment_date: input.latestShipmentDate,
    documents_required: JSON.stringify(input.documentsRequired),
    received_on: input.receivedOn,
    checked_by: null,
    checked_at: null,
  });
  await repo.insertLcVersion(db, versionRow(actor, id, 1, input, ''));
  return getLc(db, actor, id);
}

const versionRow = (actor: Actor, lcId: string, version: number, t: LcTerms, note: string) => ({
  company_id: actor.companyId,
  lc_id: lcId,
  version,
  amount: t.amount,
  currency: t.currency,
  expiry_date: t.expiryDate,
  latest_shipment_date: t.latestShipmentDate,
  documents_required: JSON.stringify(t.documentsRequired),
  note,
  created_by: actor.userId,
});

/** 审证: the current version against the contract; no discrepancy is 相符, any is 不符 (to be amended). */
export async function checkLc(db: Db, actor: Actor, env: Env, id: string, input: { discrepancies: string[] }) {
  const lc = await repo.lockLc(db, actor.companyId, id);
  if (!lc) throw new AppError('EXPORT.LC_NOT_FOUND');
  const ok = input.discrepancies.length === 0;
  await applyEvent(db, lcMachine, {
    entityId: id,
    current: lc.status as 'received',
    event: ok ? 'check_ok' : 'check_discrepant',
    actor,
    context: undefined,
    reason: ok ? undefined : input.discrepancies.join('; '),
    at: env.now,
    patch: { discrepancies: JSON.stringify(input.discrepancies), checked_by: actor.userId, checked_at: env.now },
  });
  await repo.setVersionDiscrepancies(db, actor.companyId, id, lc.version, input.discrepancies);
  return getLc(db, actor, id);
}

/** 改证: the amended terms become a new version, to be checked again. */
export async function amendLc(db: Db, actor: Actor, env: Env, id: string, input: Partial<LcTerms> & { note: string }) {
  const lc = await repo.lockLc(db, actor.companyId, id);
  if (!lc) throw new AppError('EXPORT.LC_NOT_FOUND');
  const terms: LcTerms = {
    amount: input.amount ?? lc.amount,
    currency: input.currency ?? lc.currency,
    expiryDate: input.expiryDate ?? lc.expiry_date,
    latestShipmentDate: input.latestShipmentDate ?? lc.latest_shipment_date,
    documentsRequired: input.documentsRequired ?? lc.documents_required,
  };
  const version = lc.version + 1;
  await applyEvent(db, lcMachine, {
    entityId: id,
    current: lc.status as 'received',
    event: 'amend',
    actor,
    context: undefined,
    reason: input.note || undefined,
    at: env.now,
    patch: {
      version,
      amount: terms.amount,
      currency: terms.currency,
      expiry_date: terms.expiryDate,
      latest_shipment_date: terms.latestShipmentDate,
      documents_required: JSON.stringify(terms.documentsRequired),
      discrepancies: '[]',
      checked_by: null,
      checked_at: null,
    },
  });
  await repo.insertLcVersion(db, versionRow(actor, id, version, terms, input.note));
  return getLc(db, actor, id);
}

export async function getLc(db: Db, actor: Actor, id: string) {
  const lc = await repo.findLc(db, actor.companyId, id);
  if (!lc) throw new AppError('EXPORT.LC_NOT_FOUND');
  const versions = await repo.lcVersions(db, actor.companyId, id);
  return {
    ...view(lc),
    versions: versions.map((v) => ({
      version: v.version,
      amount: v.amount,
      currency: v.currency,
      expiryDate: v.expiry_date,
      latestShipmentDate: v.latest_shipment_date,
      documentsRequired: v.documents_required,
      discrepancies: v.discrepancies,
      note: v.note,
      createdAt: v.created_at,
    })),
  };
}

/** The credits with their current version and, for the 外贸 page, whether their order may ship today. */
export async function listLcs(db: Db, actor: Actor, env: Env, orderId: string | undefined, lang: Lang) {
  const rows = await repo.listLcs(db, actor.companyId, orderId);
  const gate = await shipGatesOf(
    db,
    actor.companyId,
    rows.map((r) => r.order_id),
    todayOf(env),
    lang,
  );
  return rows.map((r) => ({ ...view(r), shipGate: gate(r.order_id) }));
}
