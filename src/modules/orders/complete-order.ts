import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Env } from '../../lib/env';
import { isUniqueViolation } from '../../lib/db-errors';
import { applyEvent } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { loadOrderForUpdate } from './order-lock';
import { orderMachine } from './order.machine';
import * as repo from './order.repository';
import { getOrder } from './order.service';
import { reasonCode } from '../../lib/reason-codes';

export type InvoiceInput = {
  number: string;
  issuedOn: string;
  amount: string;
  taxRate: string;
  type: 'normal' | 'special' | 'digital';
  outboundVoucher?: string;
};

/**
 * 完成: the customer confirmed and no complaint on the order is still open; finance records the invoice
 * (普票/专票/数电票) and the outbound voucher.
 */
export async function completeOrder(db: Db, actor: Actor, env: Env, id: string, invoice: InvoiceInput) {
  const { order, shippedUnits } = await loadOrderForUpdate(db, actor, id);
  const openComplaints = await repo.countUnclosedComplaints(db, actor.companyId, id);
  await applyEvent(db, orderMachine, {
    entityId: id,
    current: order.status,
    event: 'complete',
    actor,
    context: { shippedUnits, openComplaints },
    reason: reasonCode('invoice', { number: invoice.number, invoiceType: invoice.type }),
    at: env.now,
    effects: async () => {
      try {
        await repo.insertInvoice(db, {
          company_id: actor.companyId,
          order_id: id,
          number: invoice.number,
          issued_on: invoice.issuedOn,
          amount: invoice.amount,
          tax_rate: invoice.taxRate,
          type: invoice.type,
          outbound_voucher: invoice.outboundVoucher ?? '',
          created_by: actor.userId,
          created_at: env.now,
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('INVOICE.NUMBER_TAKEN', { number: invoice.number });
        throw err;
      }
    },
  });
  return getOrder(db, actor, id);
}
