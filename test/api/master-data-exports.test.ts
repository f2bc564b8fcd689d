import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { customerByShortCode, orderActors } from '../helpers/orders';
import { buildXlsx, multipart, readXlsxRows } from '../helpers/xlsx';

// Master data and returns go out in the reader's language, as the order list does; their imports take the
// Chinese, the English and the older "中文 English" headers alike.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CJK = /[\u4e00-\u9fff]/;

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
});
afterAll(() => t.close());

/** The sheet name and header row of an export. */
async function sheet(as: (typeof a)['finance'], url: string, lang: string) {
  const res = await as({ method: 'GET', url, headers: { 'accept-language': lang } });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain(XLSX);
  const sheets = await readXlsxRows(res.rawPayload);
  const [name] = Object.keys(sheets);
  return { name, header: sheets[name][0], rows: sheets[name].slice(1) };
}

const upload = (as: (typeof a)['finance'], url: string, data: Buffer, lang = 'zh-CN') => {
  const body = multipart({ name: 'x.xlsx', data, type: 'application/octet-stream' });
  return as({ method: 'POST', url, ...body, headers: { ...body.headers, 'accept-language': lang } });
};

describe('master data exports', () => {
  const exports = () =>
    [
      ['/api/customers/export.xlsx', a.finance, '客户编码', 'Code'],
      ['/api/products/export.xlsx', a.finance, 'SKU', 'SKU'],
      ['/api/warehouses/export.xlsx', a.finance, '编码', 'Code'],
      ['/api/users/export.xlsx', a.admin, '用户名', 'Username'],
      ['/api/franchisees/export.xlsx', a.finance, '客户编码', 'Code'],
      ['/api/allocation/demand/export.xlsx', a.finance, '门店编码', 'Store'],
      ['/api/returns/export.xlsx', a.finance, '退货单号', 'Return'],
      ['/api/tracking-events/template.xlsx', a.finance, '运单号', 'Tracking no.'],
    ] as const;

  it('each speaks the request language in its sheet name and headers', async () => {
    for (const [url, as, zhFirst, enFirst] of exports()) {
      const en = await sheet(as, url, 'en');
      expect(en.header[0], url).toBe(enFirst);
      expect([en.name, ...en.header].join('|'), url).not.toMatch(CJK);
      const zh = await sheet(as, url, 'zh-CN');
      expect(zh.header[0], url).toBe(zhFirst);
      // No header carries both languages any more.
      for (const h of zh.header) expect(h === 'SKU' || !/[A-Za-z]/.test(h), `${url} ${h}`).toBe(true);
    }
  });

  it('lang= picks the language whatever the browser asks for', async () => {
    const en = await sheet(a.finance, '/api/customers/export.xlsx?lang=en', 'zh-CN');
    expect(en.name).toBe('Customers');
    expect(en.header.slice(0, 3)).toEqual(['Code', 'Short code', 'Name']);
    const zh = await sheet(a.finance, '/api/warehouses/export.xlsx?lang=zh-CN', 'en');
    expect(zh.name).toBe('仓库');
  });
});

describe('imports take either language', () => {
  it('an English customer export comes back in, and errors name the column in the request language', async () => {
    const { header } = await sheet(a.finance, '/api/customers/export.xlsx', 'en');
    const row = (code: string, extra: Record<string, string> = {}) =>
      header.map(
        (h) =>
          ({
            Code: code,
            'Short code': code,
            Name: `${code} Ltd`,
            Kind: 'ordinary',
            Payment: 'prepaid',
            Contact: 'Ann Lee',
            Address: '3 Harbour Road',
            ...extra,
          })[h] ?? '',
      );
    const bad = await upload(
      a.finance,
      '/api/customers/import',
      await buildXlsx(header, [row('ENA', { Days: 'x' })]),
      'en',
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.errors).toEqual([expect.objectContaining({ row: 2, column: 'Days' })]);
    const ok = await upload(a.finance, '/api/customers/import', await buildXlsx(header, [row('ENA'), row('ENB')]));
    expect(ok.json()).toEqual({ imported: 2 });
    const zh = await sheet(a.finance, '/api/customers/export.xlsx', 'zh-CN');
    expect(zh.rows.filter((r) => r[0] === 'ENA' || r[0] === 'ENB')).toHaveLength(2);
  });

  it('franchisee money imports with Chinese, English or the older bilingual headers', async () => {
    const f = await customerByShortCode(a.sales, 'DGHX');
    const funds = async () =>
      (await a.finance({ method: 'GET', url: '/api/franchisees' }))
        .json()
        .find((x: { code: string }) => x.code === f.code).funds;
    for (const [header, amount] of [
      [['客户编码', '资金', '信用'], '101.00'],
      [['Code', 'Funds', 'Credit'], '102.00'],
      [['客户编码 Code', '资金 Funds', '信用 Credit'], '103.00'],
    ] as const) {
      const res = await upload(
        a.finance,
        '/api/franchisees/import',
        await buildXlsx([...header], [[f.code, amount, '']]),
      );
      expect(res.json(), header.join()).toEqual({ imported: 1 });
      expect(await funds()).toBe(amount);
    }
    const missing = await upload(
      a.finance,
      '/api/franchisees/import',
      await buildXlsx(['Code', 'Money'], [[f.code, '1']]),
      'en',
    );
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.details.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: 1, column: 'Funds', message: 'column missing' })]),
    );
  });
});
