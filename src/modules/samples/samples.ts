import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { applyEvent, availableEvents } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { postMovements } from '../stock/stock.service';
import { sampleLoanMachine } from './sample-loan.machine';
import * as repo from './sample.repository';
import type { SampleLoanStatus } from './sample.table';
import { reasonCode } from '../../lib/reason-codes';

// 免费样机跟踪: every shipped line of a sample order is a loan (written when its shipment leaves the warehouse),
// out with the customer until it comes back to stock or is written off.

const toLoan = (r: repo.SampleLoanRow, actor: Actor) => ({
  id: r.id,
  orderId: r.order_id,
  orderNumber: r.order_number,
  orderLineNo: r.order_line_no,
  shipmentId: r.shipment_id,
  shipmentNumber: r.shipment_number,
  customerId: r.customer_id,
  customerName: r.customer_name,
  warehouseId: r.warehouse_id,
  productId: r.product_id,
  sku: r.sku,
  productName: r.product_name,
  qty: r.qty,
  status: r.status,
  outAt: r.out_at,
  returnedAt: r.returned_at,
  writtenOffAt: r.written_off_at,
  reason: r.reason,
  actions: availableEvents(sampleLoanMachine, r.status, actor),
});
export type SampleLoan = ReturnType<typeof toLoan>;

export async function listSampleLoans(db: Db, actor: Actor, q: { status?: SampleLoanStatus; customer?: string }) {
  const rows = await repo.listLoans(db, actor.companyId, { status: q.status, customerId: q.customer });
  return rows.map((r) => toLoan(r, actor));
}

async function getSampleLoan(db: Db, actor: Actor, id: string) {
  const row = await repo.findLoan(db, actor.companyId, id);
  if (!row) throw new AppError('SAMPLE.NOT_FOUND');
  return toLoan(row, actor);
}

/** The sample comes back: on hand up in its warehouse (a 'return' movement), the loan closed. */
export async function returnSample(db: Db, actor: Actor, env: Env, id: string, input: { note?: string }) {
  const loan = await repo.lockLoan(db, actor.companyId, id);
  if (!loan) throw new AppError('SAMPLE.NOT_FOUND');
  const view = (await repo.findLoan(db, actor.companyId, id))!;
  await applyEvent(db, sampleLoanMachine, {
    entityId: id,
    current: loan.status,
    event: 'return',
    actor,
    context: undefined,
    reason: input.note,
    at: env.now,
    patch: { returned_at: env.now, closed_by: actor.userId, reason: input.note ?? null },
    effects: async () => {
      await postMovements(db, actor, [
        {
          warehouseId: loan.warehouse_id,
          productId: loan.product_id,
          kind: 'return',
          onHandDelta: loan.qty,
          reservedDelta: 0,
          reason: reasonCode('sample_returned'),
          reference: view.order_number,
        },
      ]);
    },
  });
  return getSampleLoan(db, actor, id);
}

/** 核销: the sample stays with the customer for good, with the reason. */
export async function writeOffSample(db: Db, actor: Actor, env: Env, id: string, input: { reason: string }) {
  const loan = await repo.lockLoan(db, actor.companyId, id);
  if (!loan) throw new AppError('SAMPLE.NOT_FOUND');
  await applyEvent(db, sampleLoanMachine, {
    entityId: id,
    current: loan.status,
    event: 'write_off',
    actor,
    context: undefined,
    reason: input.reason,
    at: env.now,
    patch: { written_off_at: env.now, closed_by: actor.userId, reason: input.reason },
  });
  return getSampleLoan(db, actor, id);
}
