import type { Db } from '../../db/database';
import type { Lang } from '../../lib/errors';
import { localXlsx, nameOf } from '../../lib/local-sheet';
import type { Actor } from '../auth/auth.service';
import { orderLabels } from './order.labels';
import * as repo from './order-list.repository';
import type { OrderFilter } from './order.schemas';
import { planOrderSearch } from './order-search';

export const ORDERS_EXPORT_LIMIT = 10_000;
const URGENCY = { normal: { zh: '普通', en: 'Normal' }, urgent: { zh: '加急', en: 'Urgent' } };

/** The order list as the filter shows it, newest first, in the request's language. */
export async function exportOrders(db: Db, actor: Actor, f: OrderFilter, lang: Lang) {
  const { mine, ...filter } = f;
  const rows = await repo.allOrders(
    db,
    actor.companyId,
    {
      ...filter,
      registrarId: mine === 'true' ? actor.userId : undefined,
      search: filter.q ? await planOrderSearch(db, actor.companyId, filter.q) : undefined,
    },
    ORDERS_EXPORT_LIMIT,
  );
  return localXlsx(
    { zh: '订单', en: 'Orders' },
    [
      { key: 'number', header: { zh: '订单号', en: 'Order' } },
      { key: 'customerCode', header: { zh: '客户编码', en: 'Customer code' } },
      { key: 'customerName', header: { zh: '客户', en: 'Customer' }, width: 24 },
      { key: 'orderDate', header: { zh: '下单日期', en: 'Order date' } },
      { key: 'expectedDeliveryDate', header: { zh: '期望交期', en: 'Expected delivery' } },
      { key: 'total', header: { zh: '金额', en: 'Amount' } },
      { key: 'status', header: { zh: '状态', en: 'Status' } },
      { key: 'urgency', header: { zh: '紧急程度', en: 'Urgency' } },
      { key: 'salesperson', header: { zh: '业务员', en: 'Salesperson' } },
      { key: 'customerPo', header: { zh: '客户PO号', en: 'Customer PO' } },
    ],
    rows.map((o) => ({
      number: o.number,
      customerCode: o.customer_code,
      customerName: o.customer_name,
      orderDate: o.order_date,
      expectedDeliveryDate: o.expected_delivery_date ?? '',
      total: o.total,
      status: nameOf(orderLabels.states, o.status, lang),
      urgency: nameOf(URGENCY, o.urgency, lang),
      salesperson: o.registrar_name ?? '',
      customerPo: o.customer_po,
    })),
    lang,
  );
}
