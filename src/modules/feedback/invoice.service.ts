import type { Db } from '../../db/database';
import type { Actor } from '../auth/auth.service';

/** 发票登记: invoices recorded when orders complete, newest first. */
export async function listInvoices(db: Db, actor: Actor, customerId?: string) {
  let q = db
    .selectFrom('invoices as i')
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'i.company_id').onRef('o.id', '=', 'i.order_id'))
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 'o.company_id').onRef('c.id', '=', 'o.customer_id'),
    )
    .select([
      'i.id',
      'i.order_id',
      'o.number as order_number',
      'c.name as customer_name',
      'i.number',
      'i.issued_on',
      'i.amount',
      'i.tax_rate',
      'i.type',
      'i.outbound_voucher',
    ])
    .where('i.company_id', '=', actor.companyId);
  if (customerId) q = q.where('o.customer_id', '=', customerId);
  const rows = await q.orderBy('i.created_at', 'desc').limit(500).execute();
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
