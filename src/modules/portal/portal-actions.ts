import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.service';
import { addAttachment } from '../attachments/attachment.service';
import { confirmChange } from '../changes/close-change';
import { confirmOrder } from '../orders/confirm-order';
import { deliverShipment } from '../shipping/deliver-shipment';
import { registerComplaint } from '../feedback/complaints';
import type { ComplaintType } from '../feedback/complaints';
import { createReturn, type CreateReturnInput } from '../returns/create-return';
import { customerOf } from './portal.service';
import * as repo from './portal.repository';

// What a customer does in the portal; each goes through the same use case and state machine as the staff's.

/**
 * 客户确认 (step 3), electronically: the portal login is who, the request clock when, the client address where
 * from; all three are in the order's history row. Credit is checked as for any confirmation.
 */
export async function confirmMyOrder(db: Db, actor: Actor, env: Env, orderId: string, address: string, note?: string) {
  const customerId = customerOf(actor, 'ORDER.NOT_FOUND');
  if (!(await repo.findOrder(db, actor.companyId, customerId, orderId))) throw new AppError('ORDER.NOT_FOUND');
  return confirmOrder(db, actor, env, orderId, { method: 'electronic', note, portal: { address } });
}

/** The customer confirms a change of its order that waits for it (变更客户确认). */
export async function confirmMyChange(db: Db, actor: Actor, env: Env, changeId: string, note?: string) {
  const customerId = customerOf(actor, 'CHANGE.NOT_FOUND');
  if (!(await repo.findChange(db, actor.companyId, customerId, changeId))) throw new AppError('CHANGE.NOT_FOUND');
  await confirmChange(db, actor, env, changeId, { method: 'electronic', note });
  return { id: changeId, status: 'customer_confirmed' as const };
}

/** 签收: the customer signs for a shipment that arrived, with a photo of the delivery as its proof. */
export async function signForDelivery(
  db: Db,
  actor: Actor,
  env: Env,
  shipmentId: string,
  input: { signedBy: string; address: string; photo: { filename: string; contentType: string; data: Buffer } },
) {
  const customerId = customerOf(actor, 'SHIPMENT.NOT_FOUND');
  if (!(await repo.findShipment(db, actor.companyId, customerId, shipmentId))) throw new AppError('SHIPMENT.NOT_FOUND');
  const signedBy = input.signedBy.trim().slice(0, 50);
  if (!signedBy)
    throw new AppError('VALIDATION.FAILED', { summary: 'signedBy' }, [{ path: 'signedBy', message: 'required' }]);
  if (!input.photo.contentType.startsWith('image/'))
    throw new AppError('VALIDATION.FAILED', { summary: 'photo: an image' }, [
      { path: 'photo', message: 'an image (jpeg, png, …)' },
    ]);
  await deliverShipment(db, actor, env, shipmentId, { signedBy, address: input.address });
  await addAttachment(db, actor, {
    ownerType: 'shipment',
    ownerId: shipmentId,
    kind: 'delivery_proof',
    filename: input.photo.filename,
    contentType: input.photo.contentType,
    data: input.photo.data,
  });
  return { id: shipmentId, status: 'delivered' as const };
}

async function assertMyOrder(db: Db, actor: Actor, orderId: string) {
  const customerId = customerOf(actor, 'ORDER.NOT_FOUND');
  if (!(await repo.findOrder(db, actor.companyId, customerId, orderId))) throw new AppError('ORDER.NOT_FOUND');
}

/** 投诉 from the portal: registered as customer service would, on a shipped or delivered order of the customer. */
export async function openMyComplaint(
  db: Db,
  actor: Actor,
  env: Env,
  input: { orderId: string; type: ComplaintType; description: string },
) {
  await assertMyOrder(db, actor, input.orderId);
  const c = await registerComplaint(db, actor, env, input);
  return { id: c.id, type: c.type, status: c.status, dueAt: c.dueAt };
}

/** 退货申请 from the portal: lines of the customer's shipped order, checked against the return policy. */
export async function requestMyReturn(db: Db, actor: Actor, env: Env, input: Omit<CreateReturnInput, 'complaintId'>) {
  await assertMyOrder(db, actor, input.orderId);
  const id = await createReturn(db, actor, env, input);
  return { id, status: 'requested' as const };
}
