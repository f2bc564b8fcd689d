import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { applyEvent } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { createOrderBody } from '../orders/order.schemas';
import { registerOrder } from '../orders/order.service';
import { exportTermsOf } from '../quotations/quotation-order';
import { getSettings } from '../settings/settings.service';
import { contractMachine } from './contract.machine';
import * as repo from './contract.repository';
import type { CallOffInput } from './contract.schemas';
import { getContract, guardContext } from './contract.service';

/**
 * 要货订单: a sales order registered from the signed contract in one step — customer, the contract's prices, payment
 * terms, delivery, remarks and the customer's PO number carried over. The contract row is locked first, so two
 * call-offs at once are checked one after the other and never take more than the contract holds.
 */
export async function callOff(db: Db, actor: Actor, env: Env, id: string, input: CallOffInput) {
  const k = await repo.lockContract(db, actor.companyId, id);
  if (!k) throw new AppError('CONTRACT.NOT_FOUND');
  if (k.status === 'closed') throw new AppError('CONTRACT.CLOSED', { number: k.number });
  if (k.status !== 'signed') throw new AppError('CONTRACT.NOT_SIGNED');
  const lines = await repo.findLines(db, actor.companyId, id);
  const taken = new Map<number, number>();
  const orderLines = input.lines.map((l, i) => {
    const line = lines.find((c) => c.product_id === l.productId);
    if (!line)
      throw new AppError('CONTRACT.LINE_NOT_IN_CONTRACT', { line: i + 1 }, [
        { path: `lines[${i}].productId`, message: 'not a product of the contract' },
      ]);
    const remaining = line.qty - line.called_qty - (taken.get(line.line_no) ?? 0);
    if (l.quantity > remaining)
      throw new AppError('CONTRACT.QUANTITY_EXCEEDED', { line: line.line_no, sku: line.sku, remaining }, [
        { path: `lines[${i}].quantity`, message: `at most ${remaining} left on contract line ${line.line_no}` },
      ]);
    taken.set(line.line_no, (taken.get(line.line_no) ?? 0) + l.quantity);
    return { productId: line.product_id, qty: l.quantity, unitPrice: line.unit_price };
  });
  const order = await registerOrder(
    db,
    actor,
    env,
    createOrderBody.parse({
      customerId: k.customer_id,
      source: k.source,
      expectedDeliveryDate: input.deliveryDate ?? k.expected_delivery_date ?? undefined,
      paymentMethod: k.payment_method ?? undefined,
      paymentDays: k.payment_method ? k.payment_days : undefined,
      buyerRemark: input.remarks ?? k.remarks,
      sellerRemark: k.number,
      customerPo: k.customer_po,
      lines: orderLines,
      ...exportTermsOf(k),
    }),
  );
  await repo.linkOrder(db, actor.companyId, order.id, id);
  for (const [lineNo, qty] of taken) await repo.addCalled(db, actor.companyId, id, lineNo, qty);
  const left = lines.reduce((n, l) => n + l.qty - l.called_qty - (taken.get(l.line_no) ?? 0), 0);
  if (left === 0)
    await applyEvent(db, contractMachine, {
      entityId: id,
      current: k.status,
      event: 'complete',
      actor: { userId: actor.userId, companyId: actor.companyId, roles: ['system'] },
      context: guardContext(k, await getSettings(db, actor.companyId)),
      at: env.now,
    });
  return { order, contract: await getContract(db, actor, env, id) };
}

/**
 * 取消要货订单: a cancelled call-off order gives its quantities back to the contract (never below what is still
 * called); a contract completed by it is signed again, so the quantities can be called off anew.
 */
export async function returnCallOff(db: Db, actor: Actor, env: Env, orderId: string) {
  const callOff = await repo.callOffOf(db, actor.companyId, orderId);
  if (!callOff) return;
  const k = await repo.lockContract(db, actor.companyId, callOff.contractId);
  if (!k) return;
  const lines = await repo.findLines(db, actor.companyId, k.id);
  const given = new Map<number, number>();
  for (const l of callOff.lines) {
    const line = lines.find((c) => c.product_id === l.product_id);
    if (!line) continue;
    const back = Math.min(l.qty, line.called_qty - (given.get(line.line_no) ?? 0));
    if (back > 0) given.set(line.line_no, (given.get(line.line_no) ?? 0) + back);
  }
  for (const [lineNo, qty] of given) await repo.addCalled(db, actor.companyId, k.id, lineNo, -qty);
  if (given.size && k.status === 'completed')
    await applyEvent(db, contractMachine, {
      entityId: k.id,
      current: k.status,
      event: 'reopen',
      actor: { userId: actor.userId, companyId: actor.companyId, roles: ['system'] },
      context: guardContext(k, await getSettings(db, actor.companyId)),
      at: env.now,
    });
}
