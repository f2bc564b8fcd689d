import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { buildXlsx, multipart, readXlsxRows } from '../helpers/xlsx';
import { customerColumns } from '../../src/modules/customers/customer.excel';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const newCustomer = {
  code: 'T100',
  shortCode: 'TST',
  name: '测试客户有限公司',
  kind: 'ordinary',
  region: '北京',
  paymentMethod: 'credit',
  paymentDays: 45,
  creditLimit: '88000.50',
  contacts: [{ name: '王五', phone: '13612345678', idNumber: '110101199003071234' }],
  addresses: [{ consignee: '王五', address: '北京市朝阳区建国路 1 号', isDefault: true }],
};

describe('customers', () => {
  it('creates, finds by search, edits and deactivates a customer, recording who and when', async () => {
    const sales = t.as(await t.token('sales'));
    const finance = t.as(await t.token('finance'));
    const created = await finance({ method: 'POST', url: '/api/customers', payload: newCustomer });
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ code: 'T100', shortCode: 'TST', creditLimit: '88000.50', paymentDays: 45, active: true });
    expect(c.createdBy).toBeTruthy();

    const found = (await sales({ method: 'GET', url: '/api/customers?q=测试客户' })).json();
    expect(found.items.map((x: { id: string }) => x.id)).toEqual([c.id]);

    const edited = await sales({
      method: 'PATCH',
      url: `/api/customers/${c.id}`,
      payload: { name: '测试客户（改）', creditLimit: '88000.5' },
    });
    expect(edited.json()).toMatchObject({ name: '测试客户（改）', creditLimit: '88000.50', code: 'T100' });
    const off = await sales({ method: 'PATCH', url: `/api/customers/${c.id}`, payload: { active: false } });
    expect(off.json().active).toBe(false);
    const active = (await sales({ method: 'GET', url: '/api/customers?active=true&pageSize=100' })).json();
    expect(active.items.some((x: { id: string }) => x.id === c.id)).toBe(false);
  });

  it('refuses a duplicate code or short code with a clear 409', async () => {
    const finance = t.as(await t.token('finance'));
    const dup = await finance({ method: 'POST', url: '/api/customers', payload: { ...newCustomer, code: 'T101' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('CUSTOMER.SHORT_CODE_TAKEN');
  });

  it('pages and sorts on the server', async () => {
    const r = t.as(await t.token('reviewer'));
    const page1 = (await r({ method: 'GET', url: '/api/customers?pageSize=2&page=1&sort=code&order=desc' })).json();
    const page2 = (await r({ method: 'GET', url: '/api/customers?pageSize=2&page=2&sort=code&order=desc' })).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBeGreaterThanOrEqual(5);
    const codes = [...page1.items, ...page2.items].map((x: { code: string }) => x.code);
    expect(codes).toEqual([...codes].sort().reverse());
    const bad = await r({ method: 'GET', url: '/api/customers?sort=password' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('query.sort');
  });

  it('masks phone and ID numbers for roles not needing them; a masked value sent back keeps the stored', async () => {
    const sales = t.as(await t.token('sales'));
    const id = (await sales({ method: 'GET', url: '/api/customers?q=ABC' })).json().items[0].id;
    const full = (await sales({ method: 'GET', url: `/api/customers/${id}` })).json();
    expect(full.contacts[0].phone).toBe('13800138000');
    const finance = t.as(await t.token('finance'));
    const masked = (await finance({ method: 'GET', url: `/api/customers/${id}` })).json();
    expect(masked.contacts[0]).toMatchObject({ phone: '138****8000', idNumber: '4401**********1234' });
    await finance({
      method: 'PATCH',
      url: `/api/customers/${id}`,
      payload: { contacts: masked.contacts, creditLimit: '250000.00', creditChangeReason: '年度评审' },
    });
    const after = (await sales({ method: 'GET', url: `/api/customers/${id}` })).json();
    expect(after.contacts[0]).toMatchObject({ phone: '13800138000', idNumber: '440101199001011234' });
    expect(after.creditLimit).toBe('250000.00');
  });

  it('keeps uploaded qualification documents', async () => {
    const sales = t.as(await t.token('sales'));
    const id = (await sales({ method: 'GET', url: '/api/customers?q=ABC' })).json().items[0].id;
    const pdf = Buffer.from('%PDF-1.4 licence');
    const up = await sales({
      method: 'POST',
      url: `/api/customers/${id}/documents`,
      ...multipart({ name: '营业执照.pdf', data: pdf, type: 'application/pdf' }, { kind: 'business_licence' }),
    });
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ kind: 'business_licence', filename: '营业执照.pdf', size: pdf.length });
    const list = (await sales({ method: 'GET', url: `/api/customers/${id}/documents` })).json();
    // The demo customer already had its licence on file; the new scan is kept beside it.
    expect(list).toHaveLength(2);
    const mine = list.find((d: { filename: string }) => d.filename === '营业执照.pdf');
    const dl = await sales({ method: 'GET', url: `/api/attachments/${mine.id}` });
    expect(dl.rawPayload.equals(pdf)).toBe(true);
  });

  it('exports the list to xlsx', async () => {
    const res = await t.as(await t.token('reviewer'))({ method: 'GET', url: '/api/customers/export.xlsx' });
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const sheets = await readXlsxRows(res.rawPayload);
    const rows = sheets['客户'];
    expect(rows[0][0]).toBe('客户编码');
    expect(rows.some((r) => r[1] === 'ABC')).toBe(true);
  });

  it('imports from xlsx all or nothing, with an error per row and column', async () => {
    const sales = t.as(await t.token('finance'));
    // An older file, with the 中文 English headers the templates once had, still imports.
    const header = customerColumns.map((c) => `${c.header.zh} ${c.header.en}`);
    const row = (code: string, short: string, extra: Partial<Record<string, string>> = {}) =>
      customerColumns.map(
        (c) =>
          ({
            code,
            shortCode: short,
            name: `导入客户${code}`,
            kind: 'ordinary',
            paymentMethod: 'credit',
            paymentDays: '30',
            creditLimit: '5000',
            ...extra,
          })[c.key] ?? '',
      );
    const before = (await sales({ method: 'GET', url: '/api/customers' })).json().total;

    const bad = await buildXlsx(header, [
      row('I001', 'IMA'),
      row('I002', 'IMB', { creditLimit: '12.345' }),
      row('I003', 'IMA'),
      row('I004', 'ABC'),
    ]);
    const refused = await sales({
      method: 'POST',
      url: '/api/customers/import',
      ...multipart({ name: 'c.xlsx', data: bad, type: 'application/octet-stream' }),
    });
    expect(refused.statusCode).toBe(422);
    const errors = refused.json().error.details.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: '信用额度' }),
        expect.objectContaining({ row: 4, column: '简码' }),
        expect.objectContaining({ row: 5, column: '简码' }),
      ]),
    );
    expect((await sales({ method: 'GET', url: '/api/customers' })).json().total).toBe(before);

    const good = await buildXlsx(header, [row('I001', 'IMA'), row('I002', 'IMB')]);
    const ok = await sales({
      method: 'POST',
      url: '/api/customers/import',
      ...multipart({ name: 'c.xlsx', data: good, type: 'application/octet-stream' }),
    });
    expect(ok.json()).toEqual({ imported: 2 });
    expect((await sales({ method: 'GET', url: '/api/customers' })).json().total).toBe(before + 2);

    const garbage = await sales({
      method: 'POST',
      url: '/api/customers/import',
      ...multipart({ name: 'c.xlsx', data: Buffer.from('not a workbook'), type: 'application/octet-stream' }),
    });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.code).toBe('IMPORT.FILE_INVALID');
  });
});

describe('credit terms: finance decides, sales request (segregation of duties)', () => {
  it('refuses sales setting credit terms on a new customer, naming the field; else the safe default', async () => {
    const sales = t.as(await t.token('sales'));
    const base = { kind: 'ordinary', contacts: [{ name: '甲' }] };
    for (const [field, value] of [
      ['creditLimit', '50000.00'],
      ['paymentMethod', 'credit'],
      ['paymentDays', 30],
    ] as const) {
      const code = `NC${field.slice(-4).toUpperCase()}`;
      const res = await sales({
        method: 'POST',
        url: '/api/customers',
        payload: { ...base, code, shortCode: code.slice(0, 8), name: code, [field]: value },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('CUSTOMER.CREDIT_FINANCE_ONLY');
      expect(res.json().error.fields).toEqual([expect.objectContaining({ path: field })]);
      expect((await sales({ method: 'GET', url: `/api/customers?q=${code}` })).json().total).toBe(0);
    }
    const plain = await sales({
      method: 'POST',
      url: '/api/customers',
      payload: { ...base, code: 'NCSAFE', shortCode: 'NCSAFE', name: '新客户', paymentMethod: 'prepaid' },
    });
    expect(plain.statusCode).toBe(201);
    expect(plain.json()).toMatchObject({ creditLimit: '0.00', paymentMethod: 'prepaid', paymentDays: 0 });
    const finance = t.as(await t.token('finance'));
    const set = await finance({
      method: 'POST',
      url: '/api/customers',
      payload: { ...base, code: 'NCFIN', shortCode: 'NCFIN', name: '财务建', creditLimit: '50000', paymentDays: 30 },
    });
    expect(set.statusCode).toBe(201);
    expect(set.json()).toMatchObject({ creditLimit: '50000.00', paymentDays: 30 });
  });

  it('refuses a sales import whose rows set credit terms, naming row and column; without them it imports', async () => {
    const sales = t.as(await t.token('sales'));
    const header = customerColumns.map((c) => c.header.zh);
    const row = (code: string, extra: Partial<Record<string, string>> = {}) =>
      customerColumns.map(
        (c) => ({ code, shortCode: code, name: `导入${code}`, kind: 'ordinary', ...extra })[c.key] ?? '',
      );
    const upload = async (rows: string[][]) =>
      sales({
        method: 'POST',
        url: '/api/customers/import',
        ...multipart({ name: 'c.xlsx', data: await buildXlsx(header, rows), type: 'application/octet-stream' }),
      });
    const refused = await upload([row('SI01'), row('SI02', { creditLimit: '5000', paymentMethod: 'credit' })]);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.errors).toEqual([
      expect.objectContaining({ row: 3, column: '信用额度' }),
      expect.objectContaining({ row: 3, column: '付款方式' }),
    ]);
    expect((await sales({ method: 'GET', url: '/api/customers?q=SI0' })).json().total).toBe(0);
    expect((await upload([row('SI01'), row('SI02')])).json()).toEqual({ imported: 2 });
  });

  const customerId = async () => {
    const sales = t.as(await t.token('sales'));
    return (await sales({ method: 'GET', url: '/api/customers?q=ABC' })).json().items[0].id as string;
  };

  it('refuses sales changing credit limit, payment method or days through the customer update', async () => {
    const sales = t.as(await t.token('sales'));
    const id = await customerId();
    const before = (await sales({ method: 'GET', url: `/api/customers/${id}` })).json();
    expect(before.creditActions).toEqual(['request_credit_change']);
    for (const [field, value] of [
      ['creditLimit', '99999999.00'],
      ['paymentMethod', before.paymentMethod === 'cod' ? 'credit' : 'cod'],
      ['paymentDays', before.paymentDays + 30],
    ] as const) {
      const res = await sales({ method: 'PATCH', url: `/api/customers/${id}`, payload: { [field]: value, name: 'x' } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('CUSTOMER.CREDIT_FINANCE_ONLY');
      expect(res.json().error.fields).toEqual([expect.objectContaining({ path: field })]);
    }
    const after = (await sales({ method: 'GET', url: `/api/customers/${id}` })).json();
    expect(after).toMatchObject({
      name: before.name,
      creditLimit: before.creditLimit,
      paymentMethod: before.paymentMethod,
      paymentDays: before.paymentDays,
    });
  });

  it('a credit controller changes terms directly only with a reason; the change keeps who, when, why', async () => {
    const finance = t.as(await t.token('finance'));
    const id = await customerId();
    const current = (await finance({ method: 'GET', url: `/api/customers/${id}` })).json();
    expect(current.creditActions).toEqual(['change_credit']);
    const noReason = await finance({ method: 'PATCH', url: `/api/customers/${id}`, payload: { paymentDays: 61 } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe('creditChangeReason');
    const ok = await finance({
      method: 'PATCH',
      url: `/api/customers/${id}`,
      payload: { paymentDays: 61, creditChangeReason: '回款及时' },
    });
    expect(ok.json().paymentDays).toBe(61);
    const history = (await finance({ method: 'GET', url: `/api/customers/${id}/credit-changes` })).json();
    expect(history[0]).toMatchObject({
      field: 'payment_days',
      old: String(current.paymentDays),
      new: '61',
      reason: '回款及时',
      changedByName: '孙财务',
      requestId: null,
    });
    expect(Date.parse(history[0].changedAt)).toBeGreaterThan(0);
  });

  it('sales request a change, finance sees it pending and approves it; terms and history change', async () => {
    const sales = t.as(await t.token('sales'));
    const finance = t.as(await t.token('finance'));
    const id = await customerId();
    const before = (await sales({ method: 'GET', url: `/api/customers/${id}` })).json();
    const requested = await sales({
      method: 'POST',
      url: `/api/customers/${id}/credit-change-requests`,
      payload: { creditLimit: '480000.00', reason: '客户扩大采购' },
    });
    expect(requested.statusCode).toBe(201);
    const req = requested.json();
    expect(req).toMatchObject({
      status: 'requested',
      old: { creditLimit: before.creditLimit },
      new: { creditLimit: '480000.00', paymentMethod: null, paymentDays: null },
      requestedByName: '王销售',
      actions: [],
    });
    const second = await sales({
      method: 'POST',
      url: `/api/customers/${id}/credit-change-requests`,
      payload: { paymentDays: 90, reason: '再来一个' },
    });
    expect(second.json().error.code).toBe('CREDIT.CHANGE_PENDING');
    const selfApprove = await sales({
      method: 'POST',
      url: `/api/credit-change-requests/${req.id}/approve`,
      payload: {},
    });
    expect(selfApprove.statusCode).toBe(403);

    const pending = (await finance({ method: 'GET', url: '/api/credit-change-requests?status=pending' })).json();
    const mine = pending.find((p: { id: string }) => p.id === req.id);
    expect(mine.actions).toEqual(['approve', 'reject']);
    const approved = await finance({
      method: 'POST',
      url: `/api/credit-change-requests/${req.id}/approve`,
      payload: { note: '同意' },
    });
    expect(approved.json()).toMatchObject({ status: 'approved', decidedByName: '孙财务', actions: [] });
    expect((await sales({ method: 'GET', url: `/api/customers/${id}` })).json().creditLimit).toBe('480000.00');
    const history = (await sales({ method: 'GET', url: `/api/customers/${id}/credit-changes` })).json();
    expect(history[0]).toMatchObject({
      field: 'credit_limit',
      old: before.creditLimit,
      new: '480000.00',
      reason: '客户扩大采购',
      changedByName: '孙财务',
      requestId: req.id,
    });
    const again = await finance({
      method: 'POST',
      url: `/api/credit-change-requests/${req.id}/approve`,
      payload: {},
    });
    expect(again.json().error.code).toBe('STATE.ILLEGAL_TRANSITION');
    expect((await finance({ method: 'GET', url: '/api/credit-change-requests?status=pending' })).json()).toEqual([]);
  });

  it('a rejected request changes nothing; nobody approves their own request, admins included', async () => {
    const admin = t.as(await t.token('admin'));
    const finance = t.as(await t.token('finance'));
    const id = await customerId();
    const before = (await admin({ method: 'GET', url: `/api/customers/${id}` })).json();
    const own = (
      await admin({
        method: 'POST',
        url: `/api/customers/${id}/credit-change-requests`,
        payload: { paymentMethod: 'prepaid', reason: '逾期' },
      })
    ).json();
    expect(own.actions).toEqual(['reject']);
    const selfApproved = await admin({
      method: 'POST',
      url: `/api/credit-change-requests/${own.id}/approve`,
      payload: {},
    });
    expect(selfApproved.json().error.code).toBe('CREDIT.OWN_REQUEST');
    const noNote = await finance({ method: 'POST', url: `/api/credit-change-requests/${own.id}/reject`, payload: {} });
    expect(noNote.statusCode).toBe(400);
    const rejected = await finance({
      method: 'POST',
      url: `/api/credit-change-requests/${own.id}/reject`,
      payload: { note: '证据不足' },
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionNote: '证据不足' });
    expect((await admin({ method: 'GET', url: `/api/customers/${id}` })).json().paymentMethod).toBe(
      before.paymentMethod,
    );
    const unchanged = await admin({
      method: 'POST',
      url: `/api/customers/${id}/credit-change-requests`,
      payload: { paymentMethod: before.paymentMethod, reason: '无变化' },
    });
    expect(unchanged.json().error.code).toBe('CREDIT.NOTHING_CHANGES');
  });
});
