import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { buildXlsx, multipart, readXlsxRows } from '../helpers/xlsx';
import { csvText, gbk } from '../helpers/csv';
import { customerByShortCode, productBySku } from '../helpers/orders';
import { startJobs } from '../../src/jobs/runner';
import { runImportJob } from '../../src/modules/imports/import-job.service';
import { importOrders } from '../../src/modules/orders/order-import';
import { ORDER_SHEET_HEADER } from '../helpers/order-sheet';

// 订单导入: the company's sheet in, all orders or none, numbered by the rule, each with its registration history.
let t: TestContext;
let sales: ReturnType<TestContext['as']>;
let abc: { id: string; code: string };
let szjm: { id: string; code: string };
const HEADER = ORDER_SHEET_HEADER;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const upload = async (rows: (string | number)[][], header = HEADER) =>
  sales({
    method: 'POST',
    url: '/api/orders/import',
    ...multipart({ name: 'orders.xlsx', data: await buildXlsx(header, rows), type: XLSX }),
  });

const uploadFile = (name: string, data: Buffer, type = 'text/csv') =>
  sales({ method: 'POST', url: '/api/orders/import', ...multipart({ name, data, type }) });
/** UTF-8 with a BOM, as Excel saves "CSV UTF-8". */
const utf8Csv = (records: (string | number)[][]) => Buffer.from(`\ufeff${csvText(records)}\r\n`);

const errorsOf = (res: {
  json: () => { error: { details: { errors: { row: number; column: string; code: string }[] } } };
}) => res.json().error.details.errors.map((e) => [e.row, e.column, e.code]);

beforeAll(async () => {
  t = await createTestContext();
  sales = t.as(await t.token('sales'));
  abc = await customerByShortCode(sales, 'ABC');
  szjm = await customerByShortCode(sales, 'SZJM');
});
afterAll(() => t.close());

const ordersByPo = async (po: string) =>
  (await sales({ method: 'GET', url: `/api/orders?q=${encodeURIComponent(po)}&pageSize=100` })).json().items;

describe('order import', () => {
  it('offers the sheet in the user language', async () => {
    const zh = await readXlsxRows((await sales({ method: 'GET', url: '/api/orders/import/template' })).rawPayload);
    expect(Object.values(zh)[0][0]).toEqual(HEADER);
    const en = await readXlsxRows(
      (await sales({ method: 'GET', url: '/api/orders/import/template?lang=en' })).rawPayload,
    );
    expect(Object.values(en)[0][0].slice(0, 4)).toEqual(['Ref', 'Customer code', 'Product code', 'Quantity']);
  });

  it('registers one numbered draft per ref, priced as in the sheet, with its history', async () => {
    const a01 = await productBySku(sales, 'A-01');
    const res = await upload([
      ['IMP-PO-1', abc.code, 'A-01', 2, '110.00', '2026-12-20', '', '', '', '急单'],
      ['IMP-PO-1', abc.code, 'B-01', 3, '', '', '', '', '', ''],
      ['IMP-PO-2', abc.code, 'A-01', 1, '', '', '上海市浦东新区 1 号', '李四', '13900000000', ''],
      ['IMP-PO-3', szjm.code, 'A-02', 4, '99.50', '2026-12-31', '', '', '', ''],
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ orders: 3, lines: 4 });

    const [one] = await ordersByPo('IMP-PO-1');
    const [two] = await ordersByPo('IMP-PO-2');
    expect(one.number).toMatch(/^\d{6}-ABC-\d{3}$/);
    // One block of numbers for the customer: its orders follow each other in the sheet's order.
    expect(Number(two.number.slice(-3))).toBe(Number(one.number.slice(-3)) + 1);
    expect((await ordersByPo('IMP-PO-3'))[0].number).toMatch(/^\d{6}-SZJM-\d{3}$/);
    expect(one).toMatchObject({ status: 'draft', source: 'import', customerPo: 'IMP-PO-1', buyerRemark: '急单' });
    expect(one.expectedDeliveryDate).toBe('2026-12-20');
    expect(one.lines.map((l: { sku: string; qty: number; unitPrice: string }) => [l.sku, l.qty, l.unitPrice])).toEqual([
      ['A-01', 2, '110.00'],
      ['B-01', 3, (await productBySku(sales, 'B-01')).listPrice],
    ]);
    expect(two.lines[0].unitPrice).toBe(a01.listPrice);
    // Delivery from the sheet when given, otherwise from the customer's card.
    const full = await t.as(await t.token('admin'))({ method: 'GET', url: `/api/orders/${two.id}` });
    expect(full.json().delivery).toMatchObject({ consignee: '李四', address: '上海市浦东新区 1 号' });
    expect((await sales({ method: 'GET', url: `/api/orders/${one.id}` })).json().delivery.consignee).toBe('张伟');
    const history = (await sales({ method: 'GET', url: `/api/orders/${one.id}/history` })).json();
    expect(history).toMatchObject([{ from: null, to: 'draft', event: 'register' }]);
  });

  it('saves nothing when one row is wrong, naming each row and column', async () => {
    const res = await upload([
      ['IMP-BAD-1', abc.code, 'A-01', 1, '', '', '', '', '', ''],
      ['IMP-BAD-1', abc.code, 'NO-SUCH', 1, '', '', '', '', '', ''],
      ['IMP-BAD-2', abc.code, 'A-02', 2, '-5.00', '', '', '', '', ''],
      ['IMP-BAD-3', 'NOBODY', 'A-02', 0, '', '2026-13-01', '', '', '', ''],
    ]);
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json().error;
    expect(body.code).toBe('IMPORT.ROWS_INVALID');
    const errors = body.details.errors.map((e: { row: number; column: string; code: string }) => [
      e.row,
      e.column,
      e.code,
    ]);
    expect(errors).toEqual(
      expect.arrayContaining([
        [3, '产品编码', 'IMPORT.PRODUCT_UNKNOWN'],
        [4, '单价', 'IMPORT.VALUE_INVALID'],
        [5, '数量', 'IMPORT.VALUE_INVALID'],
        [5, '要求交期', 'IMPORT.VALUE_INVALID'],
      ]),
    );
    expect(body.details.errors.find((e: { row: number }) => e.row === 3).message).toContain('NO-SUCH');
    expect(await ordersByPo('IMP-BAD')).toEqual([]);

    // In English: the sheet's English headers name the columns, and the messages are English.
    const enFile = multipart({
      name: 'orders.xlsx',
      data: await buildXlsx(['Ref', 'Customer code', 'Product code', 'Quantity'], [['IMP-EN', abc.code, 'NO-SUCH', 1]]),
      type: XLSX,
    });
    const en = await sales({
      method: 'POST',
      url: '/api/orders/import',
      payload: enFile.payload,
      headers: { ...enFile.headers, 'accept-language': 'en' },
    });
    expect(en.json().error.details.errors).toEqual([
      { row: 2, column: 'Product code', code: 'IMPORT.PRODUCT_UNKNOWN', message: 'No product with SKU NO-SUCH' },
    ]);
  });

  it('refuses rows of one ref that name different customers, and a sheet without a required column', async () => {
    const mixed = await upload([
      ['IMP-MIX', abc.code, 'A-01', 1, '', '', '', '', '', ''],
      ['IMP-MIX', szjm.code, 'A-01', 1, '', '', '', '', '', ''],
    ]);
    expect(mixed.json().error.details.errors).toMatchObject([
      { row: 3, column: '客户编码', code: 'IMPORT.ORDER_CUSTOMERS_DIFFER' },
    ]);
    const missing = await upload([['IMP-NOQTY', abc.code, 'A-01']], ['外部单号', '客户编码', '产品编码']);
    expect(missing.json().error.details.errors).toMatchObject([
      { row: 1, column: '数量', code: 'IMPORT.COLUMN_MISSING' },
    ]);
    expect(await ordersByPo('IMP-MIX')).toEqual([]);
  });

  it('runs a 10,000-line sheet as a job: progress up to the total, then every order', async () => {
    const boss = await startJobs(t.database, (msg, err) => console.error(msg, err));
    t.appContext.jobs = boss;
    try {
      const skus = ['A-01', 'A-02', 'B-01', 'B-02', 'C-01'];
      const rows = Array.from({ length: 10_000 }, (_, i) => [
        `BIG-${Math.floor(i / 5)}`,
        i % 10 < 5 ? abc.code : szjm.code,
        skus[i % 5],
        1 + (i % 7),
        '',
        '2026-12-28',
        '',
        '',
        '',
        '',
      ]);
      const res = await upload(rows);
      expect(res.statusCode, res.body).toBe(202);
      const { jobId, total } = res.json();
      expect(total).toBe(10_000);
      const seen: number[] = [];
      let job: { status: string; done: number; total: number; result: { orders: number; lines: number } };
      for (let i = 0; ; i++) {
        job = (await sales({ method: 'GET', url: `/api/orders/import/${jobId}` })).json();
        seen.push(job.done);
        if (job.status === 'succeeded' || job.status === 'failed' || i > 600) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(job.status, JSON.stringify(job)).toBe('succeeded');
      expect(job.done).toBe(job.total);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(job.result).toMatchObject({ orders: 2000, lines: 10_000 });
      const big = await t.database.db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('company_id', '=', t.companyA)
        .where('customer_po', 'like', 'BIG-%')
        .executeTakeFirstOrThrow();
      expect(Number(big.n)).toBe(2000);
      const moves = await t.database.db
        .selectFrom('state_history')
        .select(['event', 'to_state'])
        .where('entity_type', '=', 'import_job')
        .where('entity_id', '=', jobId)
        .orderBy('id')
        .execute();
      expect(moves).toEqual([
        { event: 'start', to_state: 'running' },
        { event: 'succeed', to_state: 'succeeded' },
      ]);
    } finally {
      t.appContext.jobs = undefined;
      await boss.stop({ graceful: false, wait: true, close: true });
    }
  });

  it('imports a UTF-8 CSV with a BOM: quoted commas, quotes and line breaks kept, as from Excel', async () => {
    const res = await uploadFile(
      'orders.csv',
      utf8Csv([
        HEADER,
        [
          'CSV-PO-1',
          abc.code,
          'A-01',
          2,
          '110.00',
          '2026-12-20',
          '上海市浦东新区, 1 号',
          '李四',
          '13900000000',
          '要"加急"',
        ],
        ['CSV-PO-1', abc.code, 'B-01', 3, '', '', '', '', '', ''],
        ['CSV-PO-2', szjm.code, 'A-02', 4, '', '', '', '', '', '第一行\n第二行'],
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ orders: 2, lines: 3 });
    const [one] = await ordersByPo('CSV-PO-1');
    expect(one).toMatchObject({ status: 'draft', source: 'import', customerPo: 'CSV-PO-1', buyerRemark: '要"加急"' });
    expect(one.lines.map((l: { sku: string; qty: number; unitPrice: string }) => [l.sku, l.qty, l.unitPrice])).toEqual([
      ['A-01', 2, '110.00'],
      ['B-01', 3, (await productBySku(sales, 'B-01')).listPrice],
    ]);
    const full = (await sales({ method: 'GET', url: `/api/orders/${one.id}` })).json();
    expect(full.delivery).toMatchObject({ consignee: '李四', address: '上海市浦东新区, 1 号' });
    expect((await ordersByPo('CSV-PO-2'))[0].buyerRemark).toBe('第一行\n第二行');
  });

  it('imports a GBK CSV as the Chinese Excel saves it, headers and text read right', async () => {
    const file = gbk(
      csvText([HEADER, ['GBK-PO-1', abc.code, 'A-01', 5, '', '', '广州市天河区 8 号', '王五', '', '月底前送到']]),
    );
    // Genuine GBK, which UTF-8 cannot read: 外部单号 is CD E2 B2 BF B5 A5 BA C5.
    expect(file.subarray(0, 8).toString('hex')).toBe('cde2b2bfb5a5bac5');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(file)).toThrow();
    const res = await uploadFile('orders.csv', file, 'application/vnd.ms-excel');
    expect(res.statusCode, res.body).toBe(200);
    const [order] = await ordersByPo('GBK-PO-1');
    expect(order.buyerRemark).toBe('月底前送到');
    expect((await sales({ method: 'GET', url: `/api/orders/${order.id}` })).json().delivery).toMatchObject({
      consignee: '王五',
      address: '广州市天河区 8 号',
    });
  });

  it('refuses a CSV with wrong rows, naming each by its record and column, and saves nothing', async () => {
    const res = await uploadFile(
      'orders.csv',
      utf8Csv([
        HEADER,
        ['CSV-BAD-1', abc.code, 'A-01', 1, '', '', '', '', '', ''],
        [],
        ['CSV-BAD-1', abc.code, 'NO-SUCH', 1, '', '', '', '', '', ''],
        ['CSV-BAD-2', abc.code, 'A-02', 0, '-5.00', '2026-13-01', '', '', '', ''],
      ]),
    );
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe('IMPORT.ROWS_INVALID');
    // Row numbers as a spreadsheet opening the file shows them: the empty line is row 3.
    expect(errorsOf(res)).toEqual([
      [4, '产品编码', 'IMPORT.PRODUCT_UNKNOWN'],
      [5, '数量', 'IMPORT.VALUE_INVALID'],
      [5, '单价', 'IMPORT.VALUE_INVALID'],
      [5, '要求交期', 'IMPORT.VALUE_INVALID'],
    ]);
    expect(await ordersByPo('CSV-BAD')).toEqual([]);

    // English headers, and a required column missing.
    const enFile = multipart({
      name: 'o.csv',
      data: utf8Csv([
        ['Ref', 'Customer code', 'Quantity'],
        ['X', abc.code, 1],
      ]),
      type: 'text/csv',
    });
    const en = await sales({
      method: 'POST',
      url: '/api/orders/import',
      payload: enFile.payload,
      headers: { ...enFile.headers, 'accept-language': 'en' },
    });
    expect(en.json().error.details.errors).toMatchObject([
      { row: 1, column: 'Product code', code: 'IMPORT.COLUMN_MISSING' },
    ]);
    // A binary file that is no spreadsheet is refused as unreadable.
    const binary = await uploadFile('orders.csv', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    expect(binary.json().error.code).toBe('IMPORT.FILE_INVALID');
  });

  it('a large file runs as a job that reports wrong rows by the numbers of the file uploaded', async () => {
    const rows: (string | number)[][] = Array.from({ length: 600 }, (_, i) => [
      `JOBROW-${Math.floor(i / 3)}`,
      abc.code,
      'A-01',
      1,
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    rows[299] = [];
    rows[449][3] = 'many';
    const res = await upload(rows);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().total).toBe(599);
    let job: { status: string; errors: { row: number; column: string; code: string }[] } = { status: '', errors: [] };
    for (let i = 0; i < 300 && job.status !== 'failed' && job.status !== 'succeeded'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await sales({ method: 'GET', url: `/api/orders/import/${res.json().jobId}` })).json();
    }
    expect(job.status).toBe('failed');
    // Row 451 of the sheet (its header is row 1, its row 301 empty), not the 450th line read.
    expect(job.errors.map((e) => [e.row, e.column, e.code])).toEqual([[451, '数量', 'IMPORT.VALUE_INVALID']]);
    expect(await ordersByPo('JOBROW-')).toEqual([]);
  });

  it('fails a job cut off while running (its message came again): nothing was written, the user is told', async () => {
    const user = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'sales')
      .executeTakeFirstOrThrow();
    const { id } = await t.database.db
      .insertInto('import_jobs')
      .values({
        company_id: t.companyA,
        kind: 'orders',
        status: 'running',
        language: 'zh-CN',
        filename: 'cut.xlsx',
        total: 800,
        errors: JSON.stringify(null),
        result: JSON.stringify(null),
        file: Buffer.from('x'),
        created_by: user.id,
        created_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await runImportJob(t.database.db, id, { orders: importOrders }, () => new Date(), 'Asia/Shanghai');
    const job = (await sales({ method: 'GET', url: `/api/orders/import/${id}` })).json();
    expect(job).toMatchObject({ status: 'failed', errorCount: 1, errors: [{ code: 'IMPORT.INTERRUPTED' }] });
    expect(job.errors[0].message).toContain('重新上传');
  });
});
