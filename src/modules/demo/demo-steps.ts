import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import type { WorkingHours } from '../../lib/calendar/calendar';
import { localDate } from '../../lib/local-date';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.service';
import { findUserByUsername } from '../auth/auth.repository';
import { findCompanyByCode } from '../users/user.repository';
import { allCustomers } from '../customers/customer.repository';
import { allProducts } from '../products/product.repository';
import { createOrderBody } from '../orders/order.schemas';
import { registerOrder } from '../orders/order.service';
import { submitOrder } from '../orders/submit-order';
import { reviewOrder } from '../orders/review-order';
import { confirmOrder } from '../orders/confirm-order';
import { createShipment } from '../shipping/create-shipment';
import { advanceShipment } from '../shipping/advance-shipment';
import { shipShipment } from '../shipping/ship-shipment';
import { deliverShipment } from '../shipping/deliver-shipment';
import { listCallbacks, recordCallback } from '../feedback/callbacks';
import { DEMO_USERS } from './demo.seed';

const HOUR = 3_600_000;

/** The people, customers and products of the demo company, and the clock of one scenario step. */
export type DemoWorld = {
  db: Db;
  as: (username: keyof typeof DEMO_USERS) => Actor;
  customer: (code: string) => string;
  product: (sku: string) => string;
  /** The clock `daysAgo` days before the seed's time (fractions are hours). */
  env: (daysAgo: number) => Env;
  /** The local date `daysAgo` days before the seed's time. */
  date: (daysAgo: number) => string;
};

export async function demoWorld(db: Db, at: Date, workingHours: WorkingHours): Promise<DemoWorld> {
  const company = await findCompanyByCode(db, 'HN');
  if (!company) throw new AppError('COMPANY.NOT_FOUND');
  const actors = new Map<string, Actor>();
  for (const [username, u] of Object.entries(DEMO_USERS)) {
    const user = await findUserByUsername(db, username);
    if (!user) throw new AppError('USER.NOT_FOUND');
    actors.set(username, {
      userId: user.id,
      username,
      displayName: u.name,
      companyId: company.id,
      roles: u.roles,
      sessionId: '',
      sessionKind: 'token',
      csrfToken: '',
    });
  }
  const customers = new Map((await allCustomers(db, company.id)).map((c) => [c.code, c.id]));
  const products = new Map((await allProducts(db, company.id)).map((p) => [p.sku, p.id]));
  const when = (daysAgo: number) => new Date(at.getTime() - Math.round(daysAgo * 24 * HOUR));
  const found = (m: Map<string, string>, key: string) => {
    const id = m.get(key);
    if (!id) throw new AppError('VALIDATION.FAILED', { summary: key });
    return id;
  };
  return {
    db,
    as: (username) => actors.get(username)!,
    customer: (code) => found(customers, code),
    product: (sku) => found(products, sku),
    env: (daysAgo) => ({ now: when(daysAgo), workingHours }),
    date: (daysAgo) => localDate(when(daysAgo), workingHours.timeZone),
  };
}

export type DemoOrderInput = {
  customer: string;
  lines: { sku: string; qty: number; unitPrice?: string }[];
  source: 'email' | 'crm' | 'fax' | 'phone' | 'ecommerce' | 'onsite';
  /** Days after the order date the customer wants the goods. */
  leadDays: number;
  customerPo?: string;
  buyerRemark?: string;
  urgency?: 'normal' | 'urgent';
};

/** Who receives the goods of customers whose card names no contact or address (联营区 orders name them). */
const ORDER_CONTACTS: Record<string, { contact: object; delivery: object }> = {
  J001: {
    contact: { name: '周敏', title: '采购主管', phone: '13601710088' },
    delivery: {
      consignee: '周敏',
      phone: '13601710088',
      region: '上海',
      address: '上海市闵行区莘庄工业区春中路 88 号',
    },
  },
};

/** 登记: the sales assistant registers the order (a numbered draft). */
export async function register(w: DemoWorld, daysAgo: number, o: DemoOrderInput) {
  const input = createOrderBody.parse({
    customerId: w.customer(o.customer),
    source: o.source,
    urgency: o.urgency ?? 'normal',
    expectedDeliveryDate: w.date(daysAgo - o.leadDays),
    lines: o.lines.map((l) => ({ productId: w.product(l.sku), qty: l.qty, unitPrice: l.unitPrice })),
    customerPo: o.customerPo ?? '',
    buyerRemark: o.buyerRemark ?? '',
    ...ORDER_CONTACTS[o.customer],
  });
  return (await registerOrder(w.db, w.as('sales'), w.env(daysAgo), input)).id;
}

export const submit = (w: DemoWorld, daysAgo: number, id: string) =>
  submitOrder(w.db, w.as('sales'), w.env(daysAgo), id);

/** 审核: the reviewer's sales stage, then finance's (the stages the default rules plan for these orders). */
export async function approve(w: DemoWorld, daysAgo: number, id: string) {
  await reviewOrder(w.db, w.as('reviewer'), w.env(daysAgo), id, { decision: 'approve' });
  await reviewOrder(w.db, w.as('finance'), w.env(daysAgo - 1 / 24), id, { decision: 'approve' });
}

export const reject = (w: DemoWorld, daysAgo: number, id: string, reason: string) =>
  reviewOrder(w.db, w.as('reviewer'), w.env(daysAgo), id, { decision: 'reject', reason });

/** 客户确认: the customer's electronic confirmation locks the order and reserves stock. */
export const confirm = (w: DemoWorld, daysAgo: number, id: string) =>
  confirmOrder(w.db, w.as('sales'), w.env(daysAgo), id, { method: 'electronic', note: '客户邮件回签确认' });

/** 出库单: the warehouse takes everything reserved on the order and walks it up to `upTo`. */
export async function outbound(w: DemoWorld, daysAgo: number, orderId: string, upTo: 'pick' | 'pack') {
  const s = await createShipment(w.db, w.as('warehouse'), w.env(daysAgo), { orderIds: [orderId] });
  const steps = upTo === 'pick' ? (['pick'] as const) : (['pick', 'recheck', 'pack'] as const);
  for (const [i, step] of steps.entries())
    await advanceShipment(w.db, w.as('warehouse'), w.env(daysAgo - (i + 1) / 24), s.id, step);
  return s.id;
}

/** 发货: issued from stock with the carrier and its waybill number; receivables arise from the terms. */
export const ship = (w: DemoWorld, daysAgo: number, shipmentId: string, trackingNo: string) =>
  shipShipment(w.db, w.as('warehouse'), w.env(daysAgo), shipmentId, { carrier: '顺丰速运', trackingNo });

/** 签收: the consignee signs; a call-back task opens. */
export const deliver = (w: DemoWorld, daysAgo: number, shipmentId: string, signedBy: string) =>
  deliverShipment(w.db, w.as('logistics'), w.env(daysAgo), shipmentId, { signedBy });

/** 回访: customer service calls back; a problem opens a complaint. */
export async function callBack(
  w: DemoWorld,
  daysAgo: number,
  orderId: string,
  outcome: { notes: string } | { complaint: { type: 'damage' | 'short' | 'quality'; description: string } },
) {
  const env = w.env(daysAgo);
  const service = w.as('service');
  const task = (await listCallbacks(w.db, service, env, 'open')).find((c) => c.orderId === orderId);
  if (!task) throw new AppError('CALLBACK.NOT_FOUND');
  const input =
    'notes' in outcome ? { outcome: 'ok' as const, ...outcome } : { outcome: 'problem' as const, ...outcome };
  return recordCallback(w.db, service, env, task.id, input);
}
