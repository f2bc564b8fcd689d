import type { Db } from '../../db/database';
import type { Actor } from '../auth/auth.service';
import * as repo from './feedback.repository';

/** 发票登记: invoices recorded when orders complete, newest first. */
export async function listInvoices(db: Db, actor: Actor, customerId?: string) {
  const rows = await repo.listInvoiceRows(db, actor.companyId, customerId);
  return rows.map((r) => ({
    id: r.id,
    orderId: r.order_id,
    orderNumber: r.order_number,
    customerName: r.customer_name,
    number: r.number,
    issuedOn: r.issued_on,
    amount: r.amount,
    taxRate: r.tax_rate,
    type: r.type,
    outboundVoucher: r.outbound_voucher,
  }));
}
