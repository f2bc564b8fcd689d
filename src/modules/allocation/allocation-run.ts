import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { formatMoney, parseMoney } from '../../lib/money';
import type { Actor } from '../auth/auth.service';
import { postMovements } from '../stock/stock.service';
import { allocateExplained, type ExplainedRow, type Grant } from './engine/engine';
import { explainRow } from './engine/explain';
import { validateInput } from './engine/validate';
import type { AllocationResult } from './engine/types';
import { buildInput, type RunRequest } from './allocation-input';
import * as repoPick from './pick-list.repository';
import * as repo from './allocation.repository';
import { recordDomainEvent } from '../../lib/domain-events';
import * as reservationRepo from './reservation.repository';
import { reasonCode } from '../../lib/reason-codes';

type Built = Awaited<ReturnType<typeof buildInput>>;

function runEngine(built: Built) {
  const v = validateInput(built.input);
  if (!v.ok)
    throw new AppError(
      'ALLOCATION.INPUT_INVALID',
      { summary: v.errors.slice(0, 5).join('; ') },
      v.errors.map((e) => ({ path: e.split(':')[0], message: e })),
    );
  return allocateExplained(v.input);
}

export const presentRows = (rows: ExplainedRow[]) =>
  rows.map(({ facts, ...row }) => ({ ...row, explain: explainRow({ ...row, facts }) }));

function totals(result: AllocationResult) {
  const by = (pred: (r: AllocationResult['allocations'][number]) => boolean) =>
    result.allocations.filter(pred).reduce((n, r) => n + r.qty, 0);
  return {
    ship: by((r) => r.status === 'ship'),
    reserved: by((r) => r.status === 'reserved'),
    toFranchisees: by((r) => r.to.kind === 'franchisee'),
    toStores: by((r) => r.to.kind === 'store'),
    toRegions: by((r) => r.to.kind === 'region'),
    remaining: result.remaining.reduce((n, r) => n + r.qty, 0),
  };
}

/** 预览: what a run would do now; changes nothing. */
export async function previewRun(db: Db, actor: Actor, req: RunRequest) {
  const built = await buildInput(db, actor, req);
  const { result, rows } = runEngine(built);
  return { input: built.input, result, rows: presentRows(rows), totals: totals(result) };
}

/**
 * 提交: one transaction writes the run, reserves the granted units for their order lines, stores and
 * regions, holds unpaid franchisees' units until they expire, and makes a pick list per target (6.4.4).
 * Runs of one company take turns (advisory lock) and each receipt is allocated once.
 */
export async function commitRun(db: Db, actor: Actor, req: RunRequest) {
  await repo.lockCompanyRuns(db, actor.companyId);
  if (req.receiptId) {
    const existing = await repo.runOfReceipt(db, actor.companyId, req.receiptId);
    if (existing) return { ...(await getRun(db, actor, existing)), replayed: true };
  }
  const built = await buildInput(db, actor, req);
  const { result, rows, grants } = runEngine(built);
  const run = await repo.insertRun(db, {
    company_id: actor.companyId,
    receipt_id: req.receiptId ?? null,
    warehouse_id: built.warehouseId,
    season: built.input.season,
    policy: JSON.stringify(built.input.policy),
    input: JSON.stringify(built.input),
    result: JSON.stringify({ result, facts: rows.map((r) => r.facts) }),
    created_by: actor.userId,
  });
  await applyGrants(db, actor, built, grants, run.id, result);
  await recordDomainEvent(db, {
    companyId: actor.companyId,
    type: 'allocation.committed',
    entityType: 'allocation_run',
    entityId: run.id,
    data: { receiptId: req.receiptId ?? null, season: built.input.season },
  });
  return { ...(await getRun(db, actor, run.id)), replayed: false };
}

async function applyGrants(
  db: Db,
  actor: Actor,
  built: Built,
  grants: Grant[],
  runId: string,
  result: AllocationResult,
) {
  const expiresOn = result.allocations.find((r) => r.expiresOn)?.expiresOn;
  const reference = `ALLOC-${runId.slice(0, 8)}`;
  // Every granted unit is reserved at once; postMovements refuses (and rolls back) if stock moved meanwhile.
  // One movement per product and rule: the run keeps each grant with its reasons, the stock ledger the sums.
  const movements = new Map<string, { productId: string; rule: string; qty: number }>();
  for (const g of grants) {
    const key = `${g.sku}/${g.rule}`;
    const m = movements.get(key);
    if (m) m.qty += g.qty;
    else movements.set(key, { productId: built.productIdOf.get(g.sku)!, rule: g.rule, qty: g.qty });
  }
  await postMovements(
    db,
    actor,
    [...movements.values()].map((m) => ({
      warehouseId: built.warehouseId,
      productId: m.productId,
      kind: 'reserve' as const,
      onHandDelta: 0,
      reservedDelta: m.qty,
      reason: reasonCode('allocated', { rule: m.rule }),
      reference,
    })),
  );

  const lineUpdates = new Map<string, { orderId: string; lineNo: number; qty: number }>();
  // 拣货单: one per target, its lines in grant order; written with the reservations in a few statements.
  const lists = new Map<string, { id: string; kind: Grant['kind']; targetId: string; name: string; lines: number }>();
  const pickLines: repoPick.PickLineRow[] = [];
  const pick = (
    kind: Grant['kind'],
    targetId: string,
    name: string,
    line: Omit<repoPick.PickLineRow, 'pickListId' | 'lineNo'>,
  ) => {
    const key = `${kind}/${targetId}`;
    let list = lists.get(key);
    if (!list) lists.set(key, (list = { id: randomUUID(), kind, targetId, name, lines: 0 }));
    pickLines.push({ ...line, pickListId: list.id, lineNo: ++list.lines });
  };
  const held = [];
  for (const g of grants) {
    const productId = built.productIdOf.get(g.sku)!;
    if (g.kind === 'franchisee') {
      const line = built.franchiseeLines[g.lineIndex!];
      const key = `${line.order_id}/${line.line_no}`;
      const u = lineUpdates.get(key);
      if (u) u.qty += g.qty;
      else lineUpdates.set(key, { orderId: line.order_id, lineNo: line.line_no, qty: g.qty });
      if (g.status === 'ship')
        pick('franchisee', line.customer_id, g.id, {
          productId,
          qty: g.qty,
          orderId: line.order_id,
          orderLineNo: line.line_no,
          unitPrice: line.unit_price,
        });
      else
        held.push({
          customer_id: line.customer_id,
          order_id: line.order_id,
          line_no: line.line_no,
          product_id: productId,
          qty: g.qty,
          unit_price: line.unit_price,
        });
    } else {
      const targetId = g.kind === 'store' ? built.storeIdOf.get(g.id)! : g.id;
      pick(g.kind, targetId, g.id, { productId, qty: g.qty, orderId: null, orderLineNo: null, unitPrice: null });
    }
  }
  await reservationRepo.reserveBackordered(db, actor.companyId, [...lineUpdates.values()]);
  await reservationRepo.insertReservations(
    db,
    {
      company_id: actor.companyId,
      run_id: runId,
      warehouse_id: built.warehouseId,
      expires_on: expiresOn!,
    },
    held,
  );
  await repoPick.insertPickListsBulk(
    db,
    actor.companyId,
    [...lists.values()].map((l) => ({
      id: l.id,
      run_id: runId,
      warehouse_id: built.warehouseId,
      target_kind: l.kind,
      target_id: l.targetId,
      target_name: l.name,
      status: 'open' as const,
    })),
    pickLines,
  );
}

export async function getRun(db: Db, actor: Actor, id: string) {
  const run = await repo.findRun(db, actor.companyId, id);
  if (!run) throw new AppError('ALLOCATION.RUN_NOT_FOUND');
  const stored = run.result as { result: AllocationResult; facts: ExplainedRow['facts'][] };
  const rows = stored.result.allocations.map((r, i) => ({ ...r, facts: stored.facts[i] }));
  return {
    id: run.id,
    receiptId: run.receipt_id,
    season: run.season,
    policy: run.policy,
    createdAt: run.created_at,
    result: stored.result,
    rows: presentRows(rows),
    totals: totals(stored.result),
    explainedRows: rows,
  };
}

export async function listRuns(db: Db, actor: Actor) {
  const runs = await repo.recentRuns(db, actor.companyId);
  return runs.map((r) => ({
    id: r.id,
    receiptId: r.receipt_id,
    season: r.season,
    createdAt: r.created_at,
    totals: totals((r.result as { result: AllocationResult }).result),
  }));
}

export const moneyOf = (qty: number, unitPrice: string) => formatMoney(parseMoney(unitPrice) * BigInt(qty));

/** Goods receipts at the central warehouse, with their allocation run if any. */
export async function listCentralReceipts(db: Db, actor: Actor) {
  const rows = await repo.centralReceipts(db, actor.companyId);
  return rows.map((g) => ({
    id: g.id,
    reference: g.reference,
    createdAt: g.created_at,
    warehouseName: g.warehouse_name,
    runId: g.run_id,
  }));
}
