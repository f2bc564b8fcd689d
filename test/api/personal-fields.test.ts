import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultWorkingHours } from '../../src/lib/calendar/calendar';
import { updateOrder } from '../../src/modules/orders/order.service';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors, orderBody, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { readXlsxRows } from '../helpers/xlsx';

// 个人信息: one table (src/lib/personal-fields.ts) decides who sees which personal field, on every channel.
let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let f: ReturnType<typeof fulfilmentFactories>;
let orderId: string;
let orderNumber: string;
let customerId: string;
let shipmentId: string;

const CONTACT = '13612345678';
const CONSIGNEE = '13987654321';
const ADDRESS = '广东省深圳市南山区科技园路1号';
const ID_NUMBER = '440101199001011234';

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  f = fulfilmentFactories(t, a);
  customerId = await f.newCustomer('PII1', 'credit', {
    contacts: [{ name: '王五', phone: CONTACT, idNumber: ID_NUMBER }],
    addresses: [{ consignee: '李四', phone: CONSIGNEE, address: ADDRESS, region: '广东', isDefault: true }],
  });
  const product = await productBySku(a.sales, 'A-01');
  const order = await f.confirmedOrder(customerId, [{ productId: product.id, qty: 1 }]);
  orderId = order.id;
  orderNumber = order.number;
  const s = await a.warehouse({ method: 'POST', url: '/api/shipments', payload: { orderIds: [orderId] } });
  if (s.statusCode !== 201) throw new Error(s.body);
  shipmentId = s.json().id;
});
afterAll(() => t.close());

const text = (body: string) => body.replace(/<[^>]+>/g, ' ');

describe('personal fields by role', () => {
  it('masks the contact phone for the warehouse in the order read, the list, the forms and the export', async () => {
    const order = (await a.warehouse({ method: 'GET', url: `/api/orders/${orderId}` })).json();
    expect(order.contact.phone).toBe('136****5678');
    expect(order.delivery).toMatchObject({ phone: CONSIGNEE, address: ADDRESS });

    const list = (await a.warehouse({ method: 'GET', url: `/api/orders?q=${orderNumber}&pageSize=100` })).json();
    const row = list.items.find((o: { id: string }) => o.id === orderId);
    expect(row.contact.phone).toBe('136****5678');

    const html = (await a.warehouse({ method: 'GET', url: `/api/orders/${orderId}/forms/registration` })).body;
    expect(text(html)).toContain('136****5678');
    expect(html).not.toContain(CONTACT);
    expect(html).toContain(CONSIGNEE);

    for (const form of ['registration', 'confirmation']) {
      const xlsx = await a.warehouse({ method: 'GET', url: `/api/orders/${orderId}/forms/${form}?format=xlsx` });
      const cells = Object.values(await readXlsxRows(xlsx.rawPayload))
        .flat(2)
        .join('\n');
      expect(cells).toContain('136****5678');
      expect(cells).not.toContain(CONTACT);
    }

    const customers = await a.warehouse({ method: 'GET', url: '/api/customers/export.xlsx' });
    const rows = (await readXlsxRows(customers.rawPayload))['客户'];
    const mine = rows.find((r) => r[0] === 'PII1')!;
    expect(mine).toContain('136****5678');
    expect(rows.flat().join('\n')).not.toContain(CONTACT);
  });

  it('shows the consignee phone in full to the warehouse on the shipment and the delivery note', async () => {
    const s = (await a.warehouse({ method: 'GET', url: `/api/shipments/${shipmentId}` })).json();
    expect(s.consignee).toMatchObject({ consignee: '李四', phone: CONSIGNEE, address: ADDRESS });
    for (const form of ['delivery-note', 'outbound-order']) {
      const html = (await a.warehouse({ method: 'GET', url: `/api/shipments/${shipmentId}/${form}` })).body;
      expect(html).toContain(CONSIGNEE);
      expect(html).toContain(ADDRESS);
    }
  });

  it('masks the address and both phones for the production planner on every channel', async () => {
    const order = (await a.planner({ method: 'GET', url: `/api/orders/${orderId}` })).json();
    expect(order.delivery.address).toMatch(/^广东省深圳市\*+$/);
    expect(order.delivery.phone).toBe('139****4321');
    expect(order.contact.phone).toBe('136****5678');
    const form = (await a.planner({ method: 'GET', url: `/api/orders/${orderId}/forms/confirmation` })).body;
    expect(form).not.toContain(ADDRESS);
    expect(form).toContain('广东省深圳市*');
    const note = (await a.planner({ method: 'GET', url: `/api/shipments/${shipmentId}/delivery-note` })).body;
    expect(note).not.toContain(ADDRESS);
    expect(note).not.toContain(CONSIGNEE);
    const s = (await a.planner({ method: 'GET', url: `/api/shipments/${shipmentId}` })).json();
    expect(s.consignee.address).toMatch(/^广东省深圳市\*+$/);
    const customer = (await a.planner({ method: 'GET', url: `/api/customers/${customerId}` })).json();
    expect(customer.addresses[0]).toMatchObject({ phone: '139****4321' });
    expect(customer.addresses[0].address).toMatch(/^广东省深圳市\*+$/);
    expect(customer.contacts[0]).toMatchObject({ phone: '136****5678', idNumber: '4401**********1234' });
  });

  it('shows everything in full to sales', async () => {
    const order = (await a.sales({ method: 'GET', url: `/api/orders/${orderId}` })).json();
    expect(order.contact.phone).toBe(CONTACT);
    expect(order.delivery).toMatchObject({ phone: CONSIGNEE, address: ADDRESS });
    const customer = (await a.sales({ method: 'GET', url: `/api/customers/${customerId}` })).json();
    expect(customer.contacts[0]).toMatchObject({ phone: CONTACT, idNumber: ID_NUMBER });
    expect(customer.addresses[0]).toMatchObject({ phone: CONSIGNEE, address: ADDRESS });
    const html = (await a.sales({ method: 'GET', url: `/api/orders/${orderId}/forms/registration` })).body;
    expect(html).toContain(CONTACT);
    const s = (await a.sales({ method: 'GET', url: `/api/shipments/${shipmentId}` })).json();
    expect(s.consignee).toMatchObject({ phone: CONSIGNEE, address: ADDRESS });
  });

  it('shows ID numbers to reviewers, not to finance', async () => {
    const reviewer = (await a.reviewer({ method: 'GET', url: `/api/customers/${customerId}` })).json();
    expect(reviewer.contacts[0].idNumber).toBe(ID_NUMBER);
    const finance = (await a.finance({ method: 'GET', url: `/api/customers/${customerId}` })).json();
    expect(finance.contacts[0].idNumber).toBe('4401**********1234');
  });

  it('keeps the stored customer values when masked ones are sent back unchanged, refuses other masks', async () => {
    const masked = (await a.finance({ method: 'GET', url: `/api/customers/${customerId}` })).json();
    expect(masked.addresses[0].phone).toBe('139****4321');
    const saved = await a.finance({
      method: 'PATCH',
      url: `/api/customers/${customerId}`,
      payload: { contacts: masked.contacts, addresses: masked.addresses, remark: '核对' },
    });
    expect(saved.statusCode).toBe(200);
    const after = (await a.sales({ method: 'GET', url: `/api/customers/${customerId}` })).json();
    expect(after.contacts[0]).toMatchObject({ phone: CONTACT, idNumber: ID_NUMBER });
    expect(after.addresses[0]).toMatchObject({ phone: CONSIGNEE, address: ADDRESS });
    expect(after.remark).toBe('核对');

    const wrong = await a.finance({
      method: 'PATCH',
      url: `/api/customers/${customerId}`,
      payload: { addresses: [{ ...masked.addresses[0], phone: '139****0000' }] },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].path).toBe('addresses.phone');
  });

  it('keeps the stored order values when a draft is saved with the masks its editor was shown', async () => {
    const product = await productBySku(a.sales, 'A-01');
    const draft = (
      await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(customerId, [{ productId: product.id, qty: 1 }]),
      })
    ).json();
    // The registrar, seen through a role that is shown masks (as when the table narrows a role's view).
    const narrowed = await f.actorOf('sales', ['production_planner']);
    const env = { now: new Date('2026-12-01T02:00:00Z'), workingHours: defaultWorkingHours };
    const seen = (await a.planner({ method: 'GET', url: `/api/orders/${draft.id}` })).json();
    const input = {
      contact: seen.contact,
      delivery: seen.delivery,
      orderDate: seen.orderDate,
      source: seen.source,
      urgency: seen.urgency,
      expectedDeliveryDate: seen.expectedDeliveryDate,
      lines: [{ productId: product.id, qty: 2, gift: false }],
      paymentMethod: seen.paymentMethod,
      paymentDays: seen.paymentDays,
      depositPercent: seen.depositPercent,
      orderType: seen.orderType,
      buyerRemark: '改数量',
      sellerRemark: seen.sellerRemark,
      customerPo: seen.customerPo,
    };
    await t.database.db.transaction().execute((trx) => updateOrder(trx, narrowed, env, draft.id, input));
    const after = (await a.sales({ method: 'GET', url: `/api/orders/${draft.id}` })).json();
    expect(after.contact.phone).toBe(CONTACT);
    expect(after.delivery).toMatchObject({ phone: CONSIGNEE, address: ADDRESS });
    expect(after.buyerRemark).toBe('改数量');

    const other = { ...input, delivery: { ...seen.delivery, phone: '139****0000' } };
    const refused = await t.database.db
      .transaction()
      .execute((trx) => updateOrder(trx, narrowed, env, draft.id, other))
      .catch((e: { code?: string; fields?: { path: string }[] }) => e);
    expect(refused).toMatchObject({ code: 'VALIDATION.FAILED' });
  });
});
