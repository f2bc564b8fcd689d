import type { Db } from '../../db/database';

/** The shipment, its customer and the export terms of its orders, for the commercial invoice and packing list. */
export function shipmentHead(db: Db, companyId: string, shipmentId: string) {
  return db
    .selectFrom('shipments as s')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 's.company_id').onRef('c.id', '=', 's.customer_id'),
    )
    .select(['s.id', 's.number', 's.shipped_at', 's.created_at', 's.consignee', 'c.name as customer_name'])
    .where('s.company_id', '=', companyId)
    .where('s.id', '=', shipmentId)
    .executeTakeFirst();
}

export function shipmentDocumentLines(db: Db, companyId: string, shipmentId: string) {
  return db
    .selectFrom('shipment_lines as l')
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'l.company_id').onRef('o.id', '=', 'l.order_id'))
    .innerJoin('products as p', (j) => j.onRef('p.company_id', '=', 'l.company_id').onRef('p.id', '=', 'l.product_id'))
    .select([
      'l.line_no',
      'l.qty',
      'l.unit_price',
      'p.sku',
      'p.name',
      'p.spec',
      'p.unit',
      'o.number as order_number',
      'o.customer_po',
      'o.currency',
      'o.trade_term',
      'o.port_of_loading',
      'o.port_of_destination',
      'o.container_type',
      'o.container_count',
    ])
    .where('l.company_id', '=', companyId)
    .where('l.shipment_id', '=', shipmentId)
    .orderBy('l.line_no')
    .execute();
}
