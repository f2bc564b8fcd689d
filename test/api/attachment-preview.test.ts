import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { multipart } from '../helpers/xlsx';

let t: TestContext;
let sales: ReturnType<TestContext['as']>;
let customer: string;

beforeAll(async () => {
  t = await createTestContext();
  sales = t.as(await t.token('sales'));
  customer = (await sales({ method: 'GET', url: '/api/customers?q=ABC' })).json().items[0].id;
});
afterAll(() => t.close());

async function upload(name: string, type: string, body: string) {
  const res = await sales({
    method: 'POST',
    url: `/api/customers/${customer}/documents`,
    ...multipart({ name, data: Buffer.from(body), type }, { kind: 'business_licence' }),
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

describe('previewing an attachment (inline=1)', () => {
  it('shows images and PDFs in the browser, each under a policy that runs nothing', async () => {
    for (const [name, type] of [
      ['scan.png', 'image/png'],
      ['licence.pdf', 'application/pdf'],
    ]) {
      const id = await upload(name, type, 'bytes');
      const res = await sales({ method: 'GET', url: `/api/attachments/${id}?inline=1` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers['content-disposition']).toMatch(/^inline;/);
      expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
      expect(res.headers['content-security-policy']).not.toMatch(/script-src/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.body).toBe('bytes');
    }
  });

  it('keeps everything else a sandboxed download, even when asked inline', async () => {
    for (const [name, type] of [
      ['x.html', 'text/html'],
      ['x.svg', 'image/svg+xml'],
      ['x.txt', 'text/plain'],
    ]) {
      const id = await upload(name, type, '<script>alert(1)</script>');
      const res = await sales({ method: 'GET', url: `/api/attachments/${id}?inline=1` });
      expect(res.headers['content-disposition']).toMatch(/^attachment;/);
      expect(res.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    }
  });

  it('refuses an unknown query parameter with a 400 naming it', async () => {
    const id = await upload('scan.png', 'image/png', 'bytes');
    const res = await sales({ method: 'GET', url: `/api/attachments/${id}?inline=yes` });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain('inline');
  });
});
