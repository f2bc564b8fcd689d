import type { Db } from '../../db/database';
import { defaultWorkingHours, type WorkingHours } from '../../lib/calendar/calendar';
import { recordReceipt } from '../payments/payment.service';
import { completeOrder } from '../orders/complete-order';
import { openChange } from '../changes/open-change';
import { submitChange } from '../changes/submit-change';
import { openChangeBody } from '../changes/change.schemas';
import { createReturn } from '../returns/create-return';
import { openException } from '../shipping/tracking.service';
import {
  approve,
  callBack,
  confirm,
  deliver,
  demoWorld,
  outbound,
  register,
  reject,
  ship,
  submit,
  type DemoWorld,
} from './demo-steps';

/** One step of a sample order's life, `daysAgo` days before the seed's time; `s` carries its ids along. */
type Step = { daysAgo: number; run: (w: DemoWorld, s: Record<string, string>) => Promise<unknown> };

/** The walk of a confirmed order up to delivery, starting `d` days ago: review, confirmation, outbound, ship. */
const toDelivered = (d: number, order: Parameters<typeof register>[2], tracking: string, signedBy: string): Step[] => [
  { daysAgo: d, run: async (w, s) => (s.order = await register(w, d, order)) },
  { daysAgo: d - 0.1, run: (w, s) => submit(w, d - 0.1, s.order) },
  { daysAgo: d - 0.2, run: (w, s) => approve(w, d - 0.2, s.order) },
  { daysAgo: d - 1, run: (w, s) => confirm(w, d - 1, s.order) },
  { daysAgo: d - 2, run: async (w, s) => (s.shipment = await outbound(w, d - 2, s.order, 'pack')) },
  { daysAgo: d - 2.2, run: (w, s) => ship(w, d - 2.2, s.shipment, tracking) },
  { daysAgo: d - 4, run: (w, s) => deliver(w, d - 4, s.shipment, signedBy) },
];

/**
 * A dozen sample orders of 华南制造 in every stage, each walked through the same use cases the pages call, as the
 * demo user whose job the step is, at times spread over the last six weeks.
 */
const SCENARIOS: Step[][] = [
  // Delivered and confirmed six weeks ago, never paid: its receivable is overdue (30-day credit).
  [
    ...toDelivered(
      44,
      {
        customer: 'C001',
        source: 'email',
        leadDays: 7,
        lines: [
          { sku: 'A-01', qty: 20 },
          { sku: 'C-01', qty: 30 },
        ],
      },
      'SF1408123456',
      '张伟',
    ),
    { daysAgo: 39, run: (w, s) => callBack(w, 39, s.order, { notes: '数量质量无误，客户满意' }) },
  ],
  // Completed: delivered, confirmed by call-back, paid by bank transfer, invoiced.
  [
    ...toDelivered(
      36,
      {
        customer: 'J001',
        source: 'crm',
        leadDays: 10,
        lines: [
          { sku: 'B-01', qty: 10 },
          { sku: 'B-02', qty: 20 },
        ],
      },
      'SF1408234567',
      '上海联营区收货组',
    ),
    { daysAgo: 31, run: (w, s) => callBack(w, 31, s.order, { notes: '已全部收到，包装完好' }) },
    {
      daysAgo: 21,
      run: (w, s) =>
        recordReceipt(w.db, w.as('finance'), {
          customerId: w.customer('J001'),
          amount: '3890.00',
          receivedOn: w.date(21),
          method: 'bank_transfer',
          reference: '工行回单 0021',
          applications: [{ orderId: s.order, amount: '3890.00' }],
        }),
    },
    {
      daysAgo: 20,
      run: (w, s) =>
        completeOrder(w.db, w.as('finance'), w.env(20), s.order, {
          number: '25441001',
          issuedOn: w.date(20),
          amount: '3890.00',
          taxRate: '13',
          type: 'digital',
          outboundVoucher: 'CK-0001',
        }),
    },
  ],
  // Delivered, then a return of two damaged bags is requested and waits for the director.
  [
    ...toDelivered(
      26,
      { customer: 'C001', source: 'phone', leadDays: 7, lines: [{ sku: 'B-01', qty: 12 }] },
      'SF1408345678',
      '张伟',
    ),
    { daysAgo: 21, run: (w, s) => callBack(w, 21, s.order, { notes: '客户已收货' }) },
    {
      daysAgo: 4,
      run: (w, s) =>
        createReturn(w.db, w.as('service'), w.env(4), {
          orderId: s.order,
          lines: [{ lineNo: 1, qty: 2, reason: 'quality' }],
          note: '两个背包拉链损坏，客户要求退货',
        }),
    },
  ],
  // Delivered; the call-back found damaged cartons, so a complaint is open with customer service.
  [
    ...toDelivered(
      12,
      { customer: 'F001', source: 'ecommerce', leadDays: 5, lines: [{ sku: 'C-01', qty: 40 }] },
      'SF1408456789',
      '刘洋',
    ),
    { daysAgo: 10.5, run: (w, s) => prepaid(w, 10.5, 'F001', s.order, '3520.00') },
    {
      daysAgo: 7,
      run: (w, s) =>
        callBack(w, 7, s.order, { complaint: { type: 'damage', description: '外箱破损，3 个保温杯杯身凹陷' } }),
    },
  ],
  // Confirmed two weeks ago; the customer asked for more T-shirts and a later date: the change waits for approval.
  [
    { daysAgo: 15, run: async (w, s) => (s.order = await register(w, 15, order('C001', 'A-02', 30, 20))) },
    { daysAgo: 14.9, run: (w, s) => submit(w, 14.9, s.order) },
    { daysAgo: 14.8, run: (w, s) => approve(w, 14.8, s.order) },
    { daysAgo: 14, run: (w, s) => confirm(w, 14, s.order) },
    {
      daysAgo: 2,
      run: async (w, s) => {
        const input = openChangeBody.parse({
          actions: [
            { type: 'change_qty', lineNo: 1, qty: 40 },
            { type: 'change_delivery_date', expectedDeliveryDate: w.date(-10) },
          ],
          reason: '客户门店促销，追加 10 件并推迟交货',
          requestedBy: 'customer',
        });
        const change = await openChange(w.db, w.as('sales'), w.env(2), s.order, input);
        await submitChange(w.db, w.as('sales'), w.env(1.9), change.id);
      },
    },
  ],
  // Shipped the day before yesterday with its waybill number; a typhoon holds it up at the hub.
  [
    ...toDelivered(4, order('J001', 'B-02', 35, 7), 'SF1408567890', '').slice(0, 6),
    {
      daysAgo: 0.5,
      run: (w, s) =>
        openException(w.db, w.as('logistics'), w.env(0.5), s.shipment, {
          type: 'delay',
          action: '台风影响，顺丰杭州中转延误约一天，已电话告知客户',
          customerInformed: true,
        }),
    },
  ],
  // Delivered this morning: the call-back is still to be made.
  toDelivered(4.5, order('C001', 'C-01', 24, 7), 'SF1408678901', '张伟'),
  // On an outbound order in the warehouse, being picked.
  [
    { daysAgo: 5, run: async (w, s) => (s.order = await register(w, 5, order('C001', 'B-02', 30, 10))) },
    { daysAgo: 4.9, run: (w, s) => submit(w, 4.9, s.order) },
    { daysAgo: 4.8, run: (w, s) => approve(w, 4.8, s.order) },
    { daysAgo: 3.5, run: (w, s) => confirm(w, 3.5, s.order) },
    { daysAgo: 0.3, run: (w, s) => outbound(w, 0.3, s.order, 'pick') },
  ],
  // Confirmed by the customer: stock reserved, waiting for the warehouse and for the franchisee's prepayment.
  [
    { daysAgo: 4, run: async (w, s) => (s.order = await register(w, 4, order('F002', 'A-01', 15, 10))) },
    { daysAgo: 3.9, run: (w, s) => submit(w, 3.9, s.order) },
    { daysAgo: 3.8, run: (w, s) => approve(w, 3.8, s.order) },
    { daysAgo: 1, run: (w, s) => confirm(w, 1, s.order) },
  ],
  // Approved, waiting for the customer's confirmation.
  [
    { daysAgo: 3, run: async (w, s) => (s.order = await register(w, 3, order('C001', 'B-01', 8, 10))) },
    { daysAgo: 2.9, run: (w, s) => submit(w, 2.9, s.order) },
    { daysAgo: 2.5, run: (w, s) => approve(w, 2.5, s.order) },
  ],
  // Rejected back to sales: the price was below the agreed one.
  [
    { daysAgo: 2, run: async (w, s) => (s.order = await register(w, 2, order('F002', 'A-02', 50, 7, '55.00'))) },
    { daysAgo: 1.9, run: (w, s) => submit(w, 1.9, s.order) },
    { daysAgo: 1.7, run: (w, s) => reject(w, 1.7, s.order, '单价低于加盟协议价，请按 59.90 元重新报价') },
  ],
  // Submitted this morning, waiting for the reviewer.
  [
    { daysAgo: 0.3, run: async (w, s) => (s.order = await register(w, 0.3, order('C001', 'A-01', 10, 14))) },
    { daysAgo: 0.25, run: (w, s) => submit(w, 0.25, s.order) },
  ],
  // A draft still being written.
  [{ daysAgo: 0.1, run: (w) => register(w, 0.1, order('J001', 'C-01', 20, 14)) }],
];

function order(customer: string, sku: string, qty: number, leadDays: number, unitPrice?: string) {
  return { customer, source: 'email' as const, leadDays, lines: [{ sku, qty, unitPrice }] };
}

/** 预付款: a franchisee pays before its goods leave. */
const prepaid = (w: DemoWorld, daysAgo: number, customer: string, orderId: string, amount: string) =>
  recordReceipt(w.db, w.as('finance'), {
    customerId: w.customer(customer),
    amount,
    receivedOn: w.date(daysAgo),
    method: 'bank_transfer',
    reference: '招行回单 0107',
    applications: [{ orderId, amount }],
  });

/**
 * Sample orders of the first demo company in every stage, run in time order in the caller's transaction. Only for
 * a new embedded database, right after seedDemo.
 */
export async function seedDemoOrders(db: Db, at: Date, workingHours: WorkingHours = defaultWorkingHours) {
  const w = await demoWorld(db, at, workingHours);
  const steps = SCENARIOS.flatMap((scenario) => {
    const state: Record<string, string> = {};
    return scenario.map((step) => ({ ...step, state }));
  });
  steps.sort((a, b) => b.daysAgo - a.daysAgo);
  for (const step of steps) await step.run(w, step.state);
}
