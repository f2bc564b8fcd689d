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

describe('codes go out by name', () => {
  const column = (s: { header: string[]; rows: unknown[][] }, h: string) =>
    s.rows.map((r) => String(r[s.header.indexOf(h)] ?? ''));

  it('warehouse kinds and roles are named in the export language', async () => {
    expect(column(await sheet(a.finance, '/api/warehouses/export.xlsx', 'zh-CN'), '类型')).toContain('总仓');
    const wEn = column(await sheet(a.finance, '/api/warehouses/export.xlsx', 'en'), 'Kind');
    expect(wEn).toContain('Central');
    expect(wEn).not.toContain('central');
    const uZh = column(await sheet(a.admin, '/api/users/export.xlsx', 'zh-CN'), '角色').join('|');
    expect(uZh).toContain('财务');
    expect(uZh).not.toMatch(/[a-z]/);
    const uEn = column(await sheet(a.admin, '/api/users/export.xlsx', 'en'), 'Roles').join('|');
    expect(uEn).toContain('Finance');
    expect(uEn).not.toMatch(/\b(finance|admin|warehouse|[a-z]+_[a-z]+)\b/);
  });

  it('customer kinds and payment methods go out by name and come back in as the same codes', async () => {
    const zh = await sheet(a.admin, '/api/customers/export.xlsx', 'zh-CN');
    expect(column(zh, '类型')).toContain('加盟商');
    for (const v of column(zh, '类型')) expect(['普通客户', '加盟商', '直营', '联营']).toContain(v);
    for (const v of column(zh, '付款方式')) expect(v).toMatch(CJK);
    const en = await sheet(a.admin, '/api/customers/export.xlsx', 'en');
    expect(column(en, 'Kind')).toContain('Franchisee');
    for (const v of [...column(en, 'Kind'), ...column(en, 'Payment')]) expect(v).toMatch(/^[A-Z]/);

    // Each file comes back under new codes, and so does one still carrying the raw codes.
    const originals = (await a.admin({ method: 'GET', url: '/api/customers?pageSize=200' })).json().items as {
      code: string;
      kind: string;
      paymentMethod: string;
    }[];
    const raw = {
      header: en.header,
      rows: en.rows.map((r) => {
        const c = originals.find((o) => o.code === r[0])!;
        return en.header.map((h, i) => (h === 'Kind' ? c.kind : h === 'Payment' ? c.paymentMethod : r[i]));
      }),
    };
    for (const [prefix, file, lang] of [
      ['RZ', zh, 'zh-CN'],
      ['RE', en, 'en'],
      ['RR', raw, 'en'],
    ] as const) {
      const rows = file.rows.map((r, i) => file.header.map((_, j) => (j < 2 ? `${prefix}${i}` : String(r[j] ?? ''))));
      const res = await upload(a.admin, '/api/customers/import', await buildXlsx(file.header, rows), lang);
      expect(res.json(), prefix).toEqual({ imported: rows.length });
      const now = (await a.admin({ method: 'GET', url: '/api/customers?pageSize=200' })).json().items as {
        code: string;
        kind: string;
        paymentMethod: string;
      }[];
      file.rows.forEach((r, i) => {
        const before = originals.find((o) => o.code === r[0])!;
        const after = now.find((o) => o.code === `${prefix}${i}`)!;
        expect([after.kind, after.paymentMethod], `${prefix}${i}`).toEqual([before.kind, before.paymentMethod]);
      });
    }
  });
});
