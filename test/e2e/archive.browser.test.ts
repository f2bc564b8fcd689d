import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, screenshotPath } from '../helpers/browser';
import { orderActors, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { pdfText } from '../helpers/pdf-text';
import { defaultWorkingHours } from '../../src/lib/calendar/calendar';
import { deliverShipment } from '../../src/modules/shipping/deliver-shipment';

// 订单档案 in Chromium: an order delivered long ago, completed and paid, is found in the archive by its customer's
// Chinese name; its dossier downloads as a PDF, and its page says it is archived.

let t: TestContext;
let base: string;
const session = browserSession();
let order: { id: string; number: string };
const CUSTOMER = '宁波远帆档案贸易有限公司';

beforeAll(async () => {
  t = await createTestContext();
  base = await session.start(t);
  const a = await orderActors(t);
  const f = fulfilmentFactories(t, a);
  const product = await productBySku(a.sales, 'A-01');
  const customer = await f.newCustomer('ARCW', 'credit', { name: CUSTOMER });
  order = await f.confirmedOrder(customer, [{ productId: product.id, qty: 1 }]);
  const shipmentId = await f.packedShipment([order.id]);
  await a.warehouse({ method: 'POST', url: `/api/shipments/${shipmentId}/ship` });
  const actor = await f.actorOf('warehouse', ['logistics']);
  const longAgo = { now: new Date(Date.now() - 40 * 24 * 3600 * 1000), workingHours: defaultWorkingHours };
  await t.database.db
    .transaction()
    .execute((trx) => deliverShipment(trx, actor, longAgo, shipmentId, { signedBy: '陈' }));
  const total = (await a.finance({ method: 'GET', url: `/api/orders/${order.id}` })).json().total as string;
  const invoice = { number: 'INV-ARCW', issuedOn: '2026-11-30', amount: total, taxRate: '13', type: 'normal' };
  await a.finance({ method: 'POST', url: `/api/orders/${order.id}/complete`, payload: invoice });
  const receipt = await a.finance({
    method: 'POST',
    url: '/api/receipts',
    payload: {
      customerId: customer,
      amount: total,
      receivedOn: '2026-11-30',
      method: 'bank_transfer',
      reference: 'BANK-ARCW',
      applications: [{ orderId: order.id, amount: total }],
    },
  });
  expect(receipt.statusCode, receipt.body).toBe(201);
});

describe('the archive page', () => {
  it('finds the archived order by customer, downloads its dossier and shows it archived', async () => {
    const page = await session.loginAs('sales', '/archive');
    await page.getByTestId('table-search').locator('input').fill('远帆档案');
    await page.getByTestId('table-search').locator('input').press('Enter');
    const table = page.getByTestId('archive');
    await expect.poll(() => table.innerText()).toContain(order.number);
    expect(await table.innerText()).toContain(CUSTOMER);
    expect(await page.getByTestId('breadcrumb').innerText()).toContain('订单档案');
    await page.screenshot({ path: screenshotPath('archive-list.png'), fullPage: true });

    const href = (await table.getByTestId('dossier-pdf').first().getAttribute('href'))!;
    const pdf = await page.request.get(`${base}${href}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const text = await pdfText(Buffer.from(await pdf.body()));
    expect(text).toContain(`订单档案 ${order.number}`);
    expect(text).toContain(CUSTOMER);
    expect((await table.getByTestId('dossier-zip').first().getAttribute('href')) ?? '').toContain('format=zip');

    await table.getByRole('link', { name: order.number }).click();
    await page.getByTestId('order-archived').waitFor();
    expect(await page.getByTestId('archived-hint').innerText()).toContain('只能查看');
    expect(await page.getByTestId('dossier-pdf').getAttribute('href')).toContain(`/api/orders/${order.id}/dossier`);
    await page.screenshot({ path: screenshotPath('archive-order.png'), fullPage: true });
  });
});
