import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { multipart } from '../helpers/xlsx';
import { createUser } from '../../src/modules/users/user.service';

let t: TestContext;
const bIds: Record<string, string> = {};
const bSecrets: string[] = [];

beforeAll(async () => {
  t = await createTestContext();
  const inB = t.as(await t.token('admin', t.companyB));
  const customer = (await inB({ method: 'GET', url: '/api/customers?q=EC001' })).json().items[0];
  bIds.customers = customer.id;
  bIds.products = (await inB({ method: 'GET', url: '/api/products?q=A-01' })).json().items[0].id;
  bIds.warehouses = (await inB({ method: 'GET', url: '/api/warehouses?q=ZC' })).json().items[0].id;
  bIds.users = (
    await createUser(t.database.db, null, t.companyB, {
      username: 'only-b',
      displayName: '乙公司用户',
      password: 'password-b',
      roles: ['finance'],
    })
  ).id;
  const doc = await inB({
    method: 'POST',
    url: `/api/customers/${customer.id}/documents`,
    ...multipart({ name: 'b.pdf', data: Buffer.from('B secret'), type: 'application/pdf' }),
  });
  bIds.attachments = doc.json().id;
  const product = (await inB({ method: 'GET', url: '/api/products?q=A-01' })).json().items[0];
  const order = await inB({
    method: 'POST',
    url: '/api/orders',
    payload: {
      customerId: customer.id,
      source: 'email',
      expectedDeliveryDate: '2026-12-30',
      customerPo: 'PO-SECRET-B',
      lines: [{ productId: product.id, qty: 100000 }],
    },
  });
  bIds.orders = order.json().id;
  const creditRequest = await inB({
    method: 'POST',
    url: `/api/customers/${customer.id}/credit-change-requests`,
    payload: { creditLimit: '1.00', reason: 'B secret' },
  });
  bIds['credit-change-requests'] = creditRequest.json().id;
  await inB({ method: 'POST', url: `/api/orders/${bIds.orders}/submit` });
  bIds['production-requests'] = (
    await inB({ method: 'GET', url: `/api/production-requests?order=${bIds.orders}` })
  ).json()[0].id;
  bIds.franchisees = (await inB({ method: 'GET', url: '/api/customers?q=EF001' })).json().items[0].id;
  bIds.stores = (
    await inB({
      method: 'POST',
      url: '/api/stores',
      payload: { code: 'B-STORE', name: '乙门店', region: '广州', class: 'A', kind: 'direct' },
    })
  ).json().id;
  await inB({ method: 'PATCH', url: `/api/products/${product.id}`, payload: { allocated: true } });
  await inB({
    method: 'POST',
    url: '/api/allocation/demand',
    payload: { regions: [{ region: '乙区域', productId: product.id, qty: 5 }] },
  });
  bIds.allocation = (await inB({ method: 'POST', url: '/api/allocation/runs', payload: {} })).json().id;
  bIds['pick-lists'] = (await inB({ method: 'GET', url: `/api/pick-lists?runId=${bIds.allocation}` })).json()[0].id;
  bIds.receipts = (
    await inB({
      method: 'POST',
      url: '/api/receipts',
      payload: {
        customerId: customer.id,
        amount: '77.77',
        receivedOn: '2026-11-01',
        method: 'cash',
        reference: 'B-SECRET-RECEIPT',
      },
    })
  ).json().id;
  const db = t.database.db;
  const ship = await db
    .insertInto('shipments')
    .values({
      company_id: t.companyB,
      number: 'SH-B-SECRET',
      status: 'to_pick',
      warehouse_id: bIds.warehouses,
      customer_id: customer.id,
      consignee: JSON.stringify({ consignee: '乙', address: '乙地址' }),
      carrier: '',
      tracking_no: '',
      pick_due_at: new Date(),
      created_by: bIds.users,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  bIds.shipments = ship.id;
  bIds.callbacks = (
    await db
      .insertInto('callbacks')
      .values({
        company_id: t.companyB,
        order_id: bIds.orders,
        shipment_id: ship.id,
        due_at: new Date(),
        status: 'open',
        notes: '',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  bIds.complaints = (
    await db
      .insertInto('complaints')
      .values({
        company_id: t.companyB,
        order_id: bIds.orders,
        type: 'damage',
        description: 'B-SECRET-COMPLAINT',
        status: 'open',
        due_at: new Date(),
        created_by: bIds.users,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  bIds['logistics-exceptions'] = (
    await db
      .insertInto('logistics_exceptions')
      .values({
        company_id: t.companyB,
        shipment_id: ship.id,
        type: 'delay',
        found_at: new Date(),
        action: '',
        result: '',
        customer_informed: false,
        status: 'open',
        created_by: bIds.users,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('invoices')
    .values({
      company_id: t.companyB,
      order_id: bIds.orders,
      number: 'INV-B-SECRET',
      issued_on: '2026-11-01',
      amount: '1.00',
      tax_rate: '13',
      type: 'normal',
      outbound_voucher: '',
      created_by: bIds.users,
    })
    .execute();
  await db
    .insertInto('letters_of_credit')
    .values({
      company_id: t.companyB,
      order_id: bIds.orders,
      number: 'LC-B-SECRET',
      amount: '1.00',
      expiry_date: '2027-01-01',
      latest_shipment_date: '2026-12-31',
      checked_by: bIds.users,
    })
    .execute();
  bIds.export = (
    await db
      .insertInto('letters_of_credit')
      .values({
        company_id: t.companyB,
        order_id: bIds.orders,
        number: 'LC-B-SECRET-2',
        status: 'received',
        amount: '1.00',
        expiry_date: '2027-01-01',
        latest_shipment_date: '2026-12-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  bIds.inspections = (
    await db
      .insertInto('inspections')
      .values({
        company_id: t.companyB,
        order_id: bIds.orders,
        booked_for: '2026-12-10',
        status: 'booked',
        note: 'INSPECTION-B-SECRET',
        created_by: bIds.users,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('customer_statements')
    .values({
      company_id: t.companyB,
      customer_id: customer.id,
      period: '2026-10',
      from_date: '2026-09-26',
      to_date: '2026-10-25',
      amount: '987.65',
      due_date: '2026-11-24',
      closing_balance: '987.65',
    })
    .execute();
  // Change requests, returns, sample loans and prep requests of company B (rows as their flows leave them).
  const at = new Date();
  bIds['change-requests'] = (
    await db
      .insertInto('change_requests')
      .values({
        company_id: t.companyB,
        number: 'BG-B-SECRET',
        order_id: bIds.orders,
        status: 'draft',
        base_version: 1,
        actions: JSON.stringify([]),
        reason: 'B secret change',
        requested_by: 'internal',
        created_by: bIds.users,
        created_at: at,
        submitted_at: null,
        decided_at: null,
        decision_reason: null,
        applied_at: null,
        applied_by: null,
        applied_version: null,
        confirmed_at: null,
        cancelled_at: null,
        cancel_reason: null,
        updated_at: at,
        updated_by: bIds.users,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  bIds.returns = (
    await db
      .insertInto('return_requests')
      .values({
        company_id: t.companyB,
        order_id: bIds.orders,
        complaint_id: null,
        reason: 'quality',
        status: 'requested',
        policy: null,
        review_reason: null,
        reviewed_by: null,
        reviewed_at: null,
        ship_method: null,
        carrier: null,
        tracking_no: null,
        received_by: null,
        received_at: null,
        warehouse_id: null,
        inspected_by: null,
        inspected_at: null,
        refund_amount: null,
        refund_approved_by: null,
        refund_approved_at: null,
        credit_amount: null,
        refund_paid: null,
        refund_receipt_id: null,
        invoice_reversal_id: null,
        refunded_by: null,
        refunded_at: null,
        replacement_order_id: null,
        closed_at: null,
        created_by: bIds.users,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  bIds.samples = (
    await db
      .insertInto('sample_loans')
      .values({
        company_id: t.companyB,
        order_id: bIds.orders,
        order_line_no: 1,
        shipment_id: ship.id,
        customer_id: customer.id,
        warehouse_id: bIds.warehouses,
        product_id: product.id,
        qty: 1,
        out_at: at,
        returned_at: null,
        written_off_at: null,
        closed_by: null,
        reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  bIds['sample-approvals'] = (
    await db
      .insertInto('sample_approvals')
      .values({
        company_id: t.companyB,
        order_id: bIds.orders,
        created_at: at,
        created_by: bIds.users,
        approved_at: null,
        quotation_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  bIds['sample-rounds'] = (
    await db
      .insertInto('sample_rounds')
      .values({
        company_id: t.companyB,
        approval_id: bIds['sample-approvals'],
        round_no: 1,
        sent_at: '2026-11-01',
        description: 'B secret sample',
        quantity: 1,
        feedback: null,
        decision: null,
        decided_by: null,
        decided_at: null,
        created_at: at,
        created_by: bIds.users,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  bIds['prep-requests'] = (
    await db
      .insertInto('prep_requests')
      .values({
        company_id: t.companyB,
        number: 'BH-B-SECRET',
        kind: 'stock',
        status: 'pending_director',
        customer_id: customer.id,
        warehouse_id: bIds.warehouses,
        note: 'B secret prep',
        expected_date: '2026-12-31',
        amount: '1.00',
        requested_by: bIds.users,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  // A webhook subscription of company B with one delivery.
  bIds.webhooks = (
    await db
      .insertInto('webhook_subscriptions')
      .values({
        company_id: t.companyB,
        url: 'https://b.example/hooks',
        events: ['*'],
        secret: 'whsec_B_SECRET_VALUE',
        created_by: bIds.users,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const bEvent = await db
    .insertInto('domain_events')
    .values({
      company_id: t.companyB,
      type: 'order.confirmed',
      entity_type: 'order',
      entity_id: bIds.orders,
      data: '{}',
      occurred_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  bIds['webhook-deliveries'] = (
    await db
      .insertInto('webhook_deliveries')
      .values({
        company_id: t.companyB,
        subscription_id: bIds.webhooks,
        event_id: bEvent.id,
        status: 'dead',
        next_attempt_at: at,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  // A message of company B given up after its last try.
  bIds.messages = (
    await db
      .insertInto('messages')
      .values({
        company_id: t.companyB,
        customer_id: bIds.customers,
        kind: 'shipped',
        channel: 'email',
        recipient: 'b-secret@example.com',
        params: JSON.stringify({ number: 'B-SECRET-SHIP' }),
        source: 'test:b',
        status: 'dead',
        next_attempt_at: at,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  bSecrets.push('b-secret@example.com', 'B-SECRET-SHIP');
  // An inquiry and a quotation of company B.
  const inquiryB = await inB({
    method: 'POST',
    url: '/api/inquiries',
    payload: { customerId: customer.id, source: 'email', description: 'B secret inquiry' },
  });
  bIds.inquiries = inquiryB.json().id;
  const quotationB = await inB({
    method: 'POST',
    url: '/api/quotations',
    payload: {
      customerId: customer.id,
      inquiryId: bIds.inquiries,
      validUntil: '2999-12-31',
      remarks: 'B secret quotation',
      lines: [{ productId: product.id, qty: 1 }],
    },
  });
  bIds.quotations = quotationB.json().id;
  bSecrets.push('B secret inquiry', 'B secret quotation', inquiryB.json().number, quotationB.json().number);
  // An order import job of company B, failed with its report.
  bIds.importJobs = (
    await db
      .insertInto('import_jobs')
      .values({
        company_id: t.companyB,
        kind: 'orders',
        status: 'failed',
        language: 'zh-CN',
        filename: 'b-secret-import.xlsx',
        total: 600,
        errors: JSON.stringify([
          { row: 2, column: '产品编码', code: 'IMPORT.PRODUCT_UNKNOWN', message: 'B-SECRET-SKU' },
        ]),
        result: JSON.stringify(null),
        file: null,
        created_by: bIds.users,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  bSecrets.push('b-secret-import.xlsx', 'B-SECRET-SKU');
  // A sales contract of company B.
  bIds.contracts = (
    await db
      .insertInto('contracts')
      .values({
        company_id: t.companyB,
        number: 'HT-B-SECRET',
        customer_id: customer.id,
        customer_po: 'PO-B-CONTRACT',
        source: 'email',
        total: '1.00',
        payment_days: 0,
        remarks: 'B secret contract',
        clauses: '[]',
        created_at: at,
        created_by: bIds.users,
        updated_at: at,
        updated_by: bIds.users,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  bSecrets.push('HT-B-SECRET', 'PO-B-CONTRACT', 'B secret contract');
  // The portal's routes with an id: any record of company B (an order) must stay unseen.
  bIds.portal = order.json().id;
  bSecrets.push('whsec_B_SECRET_VALUE', 'BG-B-SECRET', 'BH-B-SECRET', 'B secret change', 'B secret prep');
  bSecrets.push('B-SECRET-RECEIPT', 'SH-B-SECRET', 'B-SECRET-COMPLAINT', 'LC-B-SECRET', '987.65', 'INV-B-SECRET');
  bSecrets.push(...Object.values(bIds), 'EC001', '乙公司用户', 'PO-SECRET-B', order.json().number, 'B-STORE', '乙区域');
  // B's order is archived: the archive search and the archive guard must not reveal it to company A either
  // (a write on it from A is a 404, not ORDER.ARCHIVED).
  await t.database.db.updateTable('orders').set({ archived_at: new Date() }).where('id', '=', bIds.orders).execute();
});
afterAll(() => t.close());

const validBodies: Record<string, object> = {
  customers: { name: '改名' },
  products: { name: '改名' },
  warehouses: { name: '改名' },
  users: { displayName: '改名' },
  orders: { buyerRemark: '改' },
  review: { decision: 'approve' },
  confirm: { method: 'electronic' },
  cancel: { reason: '取消' },
  answer: { decision: 'answer', completionDate: '2026-12-01' },
  stores: { name: '改名' },
  money: { funds: '1.00', reason: '测试' },
  apply: { orderId: '00000000-0000-4000-8000-000000000000', amount: '1.00' },
  reverse: { reason: '冲销' },
  tracking: { carrier: '顺丰', trackingNo: 'X1' },
  events: { at: '2026-11-20T10:00:00+08:00', description: '已揽收' },
  exceptions: { type: 'delay' },
  deliver: { signedBy: '某人' },
  close: { result: '已处理', customerInformed: true },
  resolve: { resolution: 'return' },
  callbacks: { outcome: 'ok' },
  'letters-of-credit': { number: 'LC1', amount: '1.00', expiryDate: '2027-01-01', latestShipmentDate: '2026-12-31' },
  'shipments/cancel': {},
  progress: { event: 'start' },
  'customers/credit-change-requests': { creditLimit: '2.00', reason: '调额' },
  'customers/portal-users': { username: 'b.portal', displayName: '乙联系人' },
  'portal/confirm': {},
  'portal/feedback': { feedback: '可以', decision: 'approved' },
  reject: { note: '不同意' },
  'complaints/close': { result: '已处理', satisfaction: 4 },
  hold: { reason: '异常' },
  complete: { number: 'INV-X', issuedOn: '2026-11-20', amount: '1.00', taxRate: '13', type: 'normal' },
  'orders/changes': {
    actions: [{ type: 'change_delivery_date', expectedDeliveryDate: '2026-12-31' }],
    reason: '改期',
    requestedBy: 'customer',
  },
  'orders/short-close': { reason: '短结' },
  'change-requests/review': { decision: 'approve' },
  'change-requests/cancel': { reason: '取消' },
  'change-requests/confirm': { method: 'electronic' },
  'returns/review': { decision: 'approve', reason: '同意' },
  'returns/ship': { method: 'customer_sends', carrier: '顺丰', trackingNo: 'SF1' },
  'returns/inspect': {
    warehouseId: '00000000-0000-4000-8000-000000000000',
    lines: [{ lineNo: 1, good: 1, defective: 0 }],
  },
  'returns/refund': { refundTo: 'balance' },
  'returns/close': {},
  'samples/write-off': { reason: '核销' },
  'sample-approvals/rounds': { sentAt: '2026-11-02', description: '样品', quantity: 1 },
  'sample-rounds/feedback': { feedback: '可以', decision: 'approved' },
  'prep-requests/review': { decision: 'approve' },
  'inquiries/decline': { reason: '婉拒' },
  'customers/prices': { discountPercent: '5', prices: [] },
  'quotations/decline': { reason: '价格' },
  'quotations/revise': { note: '改' },
  contracts: { customerPo: 'PO' },
  'contracts/sign': { attachmentId: '00000000-0000-4000-8000-000000000000' },
  'contracts/close': { reason: '终止' },
  'contracts/orders': { lines: [{ productId: '00000000-0000-4000-8000-000000000000', quantity: 1 }] },
  'export/check': { discrepancies: [] },
  'export/amend': { note: '改证' },
  'inspections/result': { result: 'passed' },
  'inspection-waiver': { reason: '豁免' },
};
const bodyFor = (method: string, path: string) => {
  const last = path.split('/').pop()!;
  if (method === 'patch') return validBodies[path.split('/')[2]];
  if (method === 'put') return validBodies[`${path.split('/')[2]}/${last}`] ?? {};
  if (method === 'post' && last === '{id}') return validBodies[path.split('/')[2]] ?? {};
  if (method === 'post' && `${path.split('/')[2]}/${last}` in validBodies)
    return validBodies[`${path.split('/')[2]}/${last}`];
  return method === 'post' ? (validBodies[last] ?? {}) : undefined;
};

describe('company isolation', () => {
  it("every route with an id answers 404 (never 403, never data) for another company's record", async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const asA = t.as(await t.token('admin', t.companyA));
    const walked: string[] = [];
    for (const [path, methods] of Object.entries<Record<string, unknown>>(doc.paths)) {
      if (!path.includes('{id}')) continue;
      const kind = path.startsWith('/api/orders/import/') ? 'importJobs' : path.split('/')[2];
      const id = bIds[kind];
      expect(id, `no company-B record for ${path}`).toBeDefined();
      for (const method of Object.keys(methods)) {
        const url =
          path.replace('{id}', id).replace('{form}', 'registration').replace('{n}', '1') +
          (path.endsWith('/statement') ? '?from=2026-01-01&to=2026-12-31' : '');
        const res =
          method === 'post' &&
          (path.endsWith('/documents') ||
            path.endsWith('/attachments') ||
            path.endsWith('/proof') ||
            path.endsWith('/prices/import') ||
            path.endsWith('/photos'))
            ? await asA({
                method: 'POST',
                url,
                ...multipart({ name: 'x.pdf', data: Buffer.from('x'), type: 'application/pdf' }),
              })
            : await asA({ method: method.toUpperCase() as 'GET', url, payload: bodyFor(method, path) });
        walked.push(`${method} ${path}`);
        expect(res.statusCode, `${method} ${path}: ${res.body}`).toBe(404);
        for (const secret of bSecrets) expect(res.body).not.toContain(secret);
      }
    }
    expect(walked.length).toBeGreaterThanOrEqual(10);
  });

  it("lists, filters and stock postings never reach another company's records", async () => {
    const asA = t.as(await t.token('admin', t.companyA));
    for (const url of [
      '/api/receipts?pageSize=500',
      '/api/shipments',
      '/api/callbacks',
      '/api/complaints',
      '/api/logistics-exceptions',
      '/api/letters-of-credit',
      '/api/export/letters-of-credit',
      '/api/inspections',
      '/api/statements',
      '/api/invoices?pageSize=500',
      '/api/receivables?pageSize=500',
      '/api/receivables/aging?pageSize=500',
      '/api/carrier-rules',
      '/api/allocation/runs',
      '/api/allocation/reservations',
      '/api/pick-lists',
      '/api/franchisees',
      '/api/stores',
      '/api/allocation/demand',
      '/api/allocation/receipts',
      '/api/orders?pageSize=500',
      '/api/production-requests',
      '/api/review-queue',
      '/api/notifications',
      '/api/customers?pageSize=500',
      '/api/products?pageSize=500',
      '/api/warehouses?pageSize=500',
      '/api/users?pageSize=500',
      '/api/stock?pageSize=500',
      '/api/stock/movements?pageSize=500',
      '/api/archive?pageSize=500',
    ]) {
      const res = await asA({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      for (const secret of bSecrets) expect(res.body, url).not.toContain(secret);
    }
    expect((await asA({ method: 'GET', url: `/api/stock?product=${bIds.products}` })).json().items).toEqual([]);
    const receipt = await asA({
      method: 'POST',
      url: '/api/stock/receipts',
      payload: { warehouseId: bIds.warehouses, lines: [{ productId: bIds.products, qty: 1 }] },
    });
    expect(receipt.statusCode).toBe(404);
  });
});
