import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { buildXlsx, multipart, readXlsxRows } from '../helpers/xlsx';
import { productColumns } from '../../src/modules/products/product.excel';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('products', () => {
  it('creates, edits and deactivates a product with exact prices', async () => {
    const admin = t.as(await t.token('admin'));
    const res = await admin({
      method: 'POST',
      url: '/api/products',
      payload: {
        sku: 'P-9',
        name: '样品',
        spec: '10kg',
        listPrice: '0.10',
        standardCost: '0.07',
        seasonal: true,
        launchPriority: 7,
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      sku: 'P-9',
      listPrice: '0.10',
      standardCost: '0.07',
      seasonal: true,
      unit: '件',
    });
    const edited = await admin({
      method: 'PATCH',
      url: `/api/products/${res.json().id}`,
      payload: { listPrice: '12345678.90', active: false },
    });
    expect(edited.json()).toMatchObject({ listPrice: '12345678.90', active: false });
    const dup = await admin({
      method: 'POST',
      url: '/api/products',
      payload: { sku: 'P-9', name: 'x', listPrice: '1' },
    });
    expect(dup.json().error.code).toBe('PRODUCT.SKU_TAKEN');
  });

  it('only the roles that keep products may edit them', async () => {
    const sales = t.as(await t.token('sales'));
    expect(
      (await sales({ method: 'POST', url: '/api/products', payload: { sku: 'P-X', name: 'x', listPrice: '1' } }))
        .statusCode,
    ).toBe(403);
    expect((await sales({ method: 'GET', url: '/api/products' })).statusCode).toBe(200);
  });

  it('imports products from xlsx and exports them again', async () => {
    const admin = t.as(await t.token('admin'));
    const header = productColumns.filter((c) => c.key !== 'active').map((c) => c.header.zh);
    const file = await buildXlsx(header, [
      ['IMP-1', '导入一', '红', '件', '9.90', '5', 'Y', 3, 'N'],
      ['IMP-2', '导入二', '', '箱', '100', '', 'N', ''],
    ]);
    const res = await admin({
      method: 'POST',
      url: '/api/products/import',
      ...multipart({ name: 'p.xlsx', data: file, type: 'application/octet-stream' }),
    });
    expect(res.json()).toEqual({ imported: 2 });
    const p = (await admin({ method: 'GET', url: '/api/products?q=IMP-1' })).json().items[0];
    expect(p).toMatchObject({
      listPrice: '9.90',
      standardCost: '5.00',
      seasonal: true,
      launchPriority: 3,
      returnable: false,
    });
    // A blank 可退货 cell leaves the product returnable.
    expect((await admin({ method: 'GET', url: '/api/products?q=IMP-2' })).json().items[0].returnable).toBe(true);
    const sheets = await readXlsxRows((await admin({ method: 'GET', url: '/api/products/export.xlsx' })).rawPayload);
    const at = (key: string) => productColumns.findIndex((c) => c.key === key);
    expect(sheets['产品'].some((r) => r[0] === 'IMP-2' && r[3] === '箱')).toBe(true);
    expect(sheets['产品'].find((r) => r[0] === 'IMP-1')?.[at('returnable')]).toBe('N');
  });

  it('a product is returnable unless marked otherwise, on create or edit', async () => {
    const admin = t.as(await t.token('admin'));
    const created = await admin({
      method: 'POST',
      url: '/api/products',
      payload: { sku: 'R-1', name: '退', listPrice: '1' },
    });
    expect(created.json().returnable).toBe(true);
    const off = await admin({
      method: 'PATCH',
      url: `/api/products/${created.json().id}`,
      payload: { returnable: false },
    });
    expect(off.json()).toMatchObject({ returnable: false, name: '退' });
    const fresh = await admin({
      method: 'POST',
      url: '/api/products',
      payload: { sku: 'R-2', name: '不退', listPrice: '1', returnable: false },
    });
    expect(fresh.json().returnable).toBe(false);
    const bad = await admin({
      method: 'PATCH',
      url: `/api/products/${created.json().id}`,
      payload: { returnable: 'no' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('imports a template without the 可退货 column, the products returnable', async () => {
    const admin = t.as(await t.token('admin'));
    const header = productColumns.filter((c) => c.key !== 'active' && c.key !== 'returnable').map((c) => c.header.en);
    const file = await buildXlsx(header, [['IMP-3', '导入三', '', '件', '3', '', 'N', '']]);
    const res = await admin({
      method: 'POST',
      url: '/api/products/import',
      ...multipart({ name: 'p.xlsx', data: file, type: 'application/octet-stream' }),
    });
    expect(res.json()).toEqual({ imported: 1 });
    expect((await admin({ method: 'GET', url: '/api/products?q=IMP-3' })).json().items[0].returnable).toBe(true);
  });
});

describe('warehouses', () => {
  it('creates and lists warehouses, exports them, and refuses a duplicate code', async () => {
    const wh = t.as(await t.token('warehouse'));
    const res = await wh({
      method: 'POST',
      url: '/api/warehouses',
      payload: { code: 'BJ', name: '北京仓', kind: 'regional', address: '北京' },
    });
    expect(res.statusCode).toBe(201);
    const list = (await wh({ method: 'GET', url: '/api/warehouses?q=北京' })).json();
    expect(list.items.map((w: { code: string }) => w.code)).toEqual(['BJ']);
    expect(
      (await wh({ method: 'POST', url: '/api/warehouses', payload: { code: 'BJ', name: 'x' } })).json().error.code,
    ).toBe('WAREHOUSE.CODE_TAKEN');
    const x = await wh({ method: 'GET', url: '/api/warehouses/export.xlsx' });
    expect((await readXlsxRows(x.rawPayload))['仓库'].length).toBeGreaterThan(1);
  });
});
