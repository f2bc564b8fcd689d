import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOrdersByCursor } from '../../src/modules/orders/order-list.repository';
import { planOrderSearch } from '../../src/modules/orders/order-search';
import type { OrderSearch } from '../../src/modules/orders/order-search.repository';
import { seedList } from '../helpers/order-list-seed';
import { createTestContext, type TestContext } from '../helpers/test-app';

// The order list: every filter and sort through the API, keyset pages (cursor) that visit each order once even
// where many orders share a sort key, the search on numbers and Chinese names, and one company's list only.

let t: TestContext;
let admin: ReturnType<TestContext['as']>;
let adminB: ReturnType<TestContext['as']>;
const ids: Record<string, string> = {};

type Row = { id: string; number: string; createdAt: string; orderDate: string; total: string; status: string };
type Listed = Row & { customer: { name: string } };

let seeded: Awaited<ReturnType<typeof seedList>>;

beforeAll(async () => {
  t = await createTestContext();
  admin = t.as(await t.token('admin'));
  adminB = t.as(await t.token('admin', t.companyB));
  seeded = await seedList(t, t.companyA, 'A', 60);
  await seedList(t, t.companyB, 'B', 6);
  ids.companyA = t.companyA;
});
afterAll(() => t.close());

const get = async (as: typeof admin, url: string) => {
  const res = await as({ method: 'GET', url });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
};

/** Every order of a filtered list, following `next` from the first page. */
async function walk(query: string, pageSize = 7, as = admin) {
  const seen: Listed[] = [];
  let cursor: string | null = 'first';
  const pages: string[][] = [];
  const cursors: string[] = [];
  while (cursor) {
    cursors.push(encodeURIComponent(cursor));
    const page = await get(as, `/api/orders?${query}&pageSize=${pageSize}&cursor=${encodeURIComponent(cursor)}`);
    expect(page.items.length).toBeLessThanOrEqual(pageSize);
    expect(page.total).toBeUndefined();
    seen.push(...page.items);
    pages.push(page.items.map((o: Listed) => o.id));
    cursor = page.next;
  }
  return { seen, pages, cursors };
}

/** The same list by page number, in one page: what the filter selects. */
const allByPage = async (query: string) =>
  ((await get(admin, `/api/orders?${query}&pageSize=500`)).items as Listed[]).map((o) => o.id).sort();

const companyOrderIds = async (companyId: string) =>
  (await sql<{ id: string }>`select id from orders where company_id = ${companyId}`.execute(t.database.db)).rows
    .map((r) => r.id)
    .sort();

const keyOf: Record<string, (o: Listed) => string | number> = {
  createdAt: (o) => new Date(o.createdAt).getTime(),
  number: (o) => o.number,
  orderDate: (o) => o.orderDate,
  total: (o) => Number(o.total),
  status: (o) => o.status,
  customer: (o) => o.customer.name,
};
const inOrder = (a: string | number, b: string | number) =>
  typeof a === 'number' ? a - (b as number) : a < b ? -1 : a > b ? 1 : 0;

describe('order list paging by cursor', () => {
  for (const sort of Object.keys(keyOf))
    for (const order of ['asc', 'desc'])
      it(`sort=${sort} ${order}: next visits each order once, in order, despite ties; prev walks back`, async () => {
        const { seen, pages } = await walk(`sort=${sort}&order=${order}`);
        const listed = seen.map((o) => o.id);
        expect(new Set(listed).size).toBe(listed.length);
        expect([...listed].sort()).toEqual(await companyOrderIds(t.companyA));
        const keys = seen.map(keyOf[sort]);
        const sign = order === 'asc' ? 1 : -1;
        for (let i = 1; i < keys.length; i++) expect(sign * inOrder(keys[i - 1], keys[i])).toBeLessThanOrEqual(0);
        // From the last page back to the first with prev: the same pages.
        let page = await get(
          admin,
          `/api/orders?sort=${sort}&order=${order}&pageSize=7&cursor=${encodeURIComponent(
            (await lastPageCursor(sort, order, pages.length))!,
          )}`,
        );
        const back: string[][] = [];
        for (;;) {
          back.unshift(page.items.map((o: Listed) => o.id));
          if (!page.prev) break;
          page = await get(admin, `/api/orders?sort=${sort}&order=${order}&pageSize=7&cursor=${page.prev}`);
        }
        expect(back).toEqual(pages);
      });
});

/** The `next` of the page before the last, which opens the last page. */
async function lastPageCursor(sort: string, order: string, pageCount: number) {
  let cursor = 'first';
  for (let i = 0; i < pageCount - 1; i++)
    cursor = (
      await get(admin, `/api/orders?sort=${sort}&order=${order}&pageSize=7&cursor=${encodeURIComponent(cursor)}`)
    ).next;
  return cursor;
}

describe('order list filters', () => {
  const filters = () => ({
    status: 'status=cancelled',
    statuses: 'status=draft,on_hold',
    customer: `customer=${seeded.customers[0]}`,
    dates: 'from=2026-11-02&to=2026-11-02',
    product: `product=${seeded.products[1]}`,
    salesperson: `salesperson=${seeded.user}`,
    urgency: 'urgency=urgent',
    combined: `status=draft&product=${seeded.products[0]}&from=2026-11-01`,
  });
  for (const name of ['status', 'statuses', 'customer', 'dates', 'product', 'salesperson', 'urgency', 'combined'])
    it(`${name}: cursor pages hold exactly what the filter selects, under every sort`, async () => {
      const query = filters()[name as keyof ReturnType<typeof filters>];
      const expected = await allByPage(query);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan((await companyOrderIds(t.companyA)).length);
      for (const sort of ['createdAt', 'total', 'customer']) {
        const { seen } = await walk(`${query}&sort=${sort}&order=desc`, 4);
        expect(seen.map((o) => o.id).sort()).toEqual(expected);
      }
    });

  it('urgency and date filters select what they say', async () => {
    const { seen } = await walk('urgency=urgent&from=2026-11-02&to=2026-11-03');
    expect(seen.length).toBeGreaterThan(0);
    for (const o of seen) expect(o.orderDate >= '2026-11-02' && o.orderDate <= '2026-11-03').toBe(true);
  });
});

describe('several statuses and date ranges: pages read as one branch per status or per day', () => {
  /** The list's order straight from SQL: the rows of the condition by (sort key…, id). */
  const truth = async (where: ReturnType<typeof sql>, keys: string[], order: 'asc' | 'desc') =>
    (
      await sql<{ id: string }>`
        select id from orders where company_id = ${t.companyA} and ${where}
         order by ${sql.raw([...keys, 'id'].map((k) => `${k} ${order}`).join(', '))}`.execute(t.database.db)
    ).rows.map((r) => r.id);

  const cases: [string, ReturnType<typeof sql>, string[]][] = [
    ['status=draft,on_hold', sql`status in ('draft', 'on_hold')`, ['created_at']],
    ['status=on_hold,draft,on_hold', sql`status in ('draft', 'on_hold')`, ['created_at']],
    ['status=draft,cancelled,on_hold&sort=status', sql`true`, ['status', 'created_at']],
    [
      'status=cancelled,on_hold&urgency=normal',
      sql`status in ('cancelled', 'on_hold') and urgency = 'normal'`,
      ['created_at'],
    ],
    ['from=2026-11-02&to=2026-11-03', sql`order_date between '2026-11-02' and '2026-11-03'`, ['created_at']],
    ['from=2026-11-02', sql`order_date >= '2026-11-02'`, ['created_at']],
    ['to=2026-11-02', sql`order_date <= '2026-11-02'`, ['created_at']],
    ['from=2000-01-01&to=2099-12-31', sql`true`, ['created_at']],
    ['from=2026-11-02&to=2026-11-02&status=draft', sql`order_date = '2026-11-02' and status = 'draft'`, ['created_at']],
    ['from=2026-11-01&to=2026-11-02&sort=orderDate', sql`order_date <= '2026-11-02'`, ['order_date', 'created_at']],
  ];
  for (const [query, where, keys] of cases)
    for (const order of ['asc', 'desc'] as const)
      it(`${query} ${order}: next pages equal the simple query's order exactly, prev walks back`, async () => {
        const expected = await truth(where, keys, order);
        expect(expected.length).toBeGreaterThan(4);
        const { seen, pages, cursors } = await walk(`${query}&order=${order}`, 4);
        expect(seen.map((o) => o.id)).toEqual(expected);
        let page = await get(admin, `/api/orders?${query}&order=${order}&pageSize=4&cursor=${cursors.at(-1)}`);
        const back: string[][] = [];
        for (;;) {
          back.unshift(page.items.map((o: Listed) => o.id));
          if (!page.prev) break;
          page = await get(admin, `/api/orders?${query}&order=${order}&pageSize=4&cursor=${page.prev}`);
        }
        expect(back).toEqual(pages);
      });

  it('a date range outside every order, or ending before it starts, is an empty page', async () => {
    for (const query of ['from=2030-01-01', 'to=2020-01-01', 'from=2026-11-03&to=2026-11-01'])
      expect(await get(admin, `/api/orders?${query}&cursor=first`)).toMatchObject({ items: [], next: null });
  });
});

describe('order search in Chinese and by number', () => {
  /** The orders whose number, PO, customer name or a line's product name hold the text, read straight from SQL. */
  const truth = async (text: string, like = `%${text}%`) =>
    (
      await sql<{ id: string }>`
      select o.id from orders o join customers c on c.company_id = o.company_id and c.id = o.customer_id
       where o.company_id = ${t.companyA}
         and (o.number like ${like} or o.customer_po like ${like} or c.name like ${like}
              or exists (select 1 from order_lines l
                           join products p on p.company_id = l.company_id and p.id = l.product_id
                          where l.company_id = o.company_id and l.order_id = o.id and p.name like ${like}))`.execute(
        t.database.db,
      )
    ).rows
      .map((r) => r.id)
      .sort();

  for (const [text, what] of [
    ['华为', 'a 2-character customer name'],
    ['北京', 'a 2-character part of a customer name'],
    ['华联商', 'a 3-character part of a customer name'],
    ['扳手', 'a 2-character product name'],
    ['螺丝刀', 'a 3-character product name (two products hold it)'],
    ['钢螺丝刀套', 'a 5-character part of a product name'],
    ['A-LS-01', 'a part of an order number'],
    ['LS', 'a short Latin text (read along the list)'],
    ['客户-2', 'a part of a customer PO'],
  ])
    it(`finds ${what}: "${text}", on cursor pages and numbered pages alike`, async () => {
      const expected = await truth(text);
      expect(expected.length).toBeGreaterThan(0);
      const q = `q=${encodeURIComponent(text)}`;
      expect((await walk(q, 5)).seen.map((o) => o.id).sort()).toEqual(expected);
      expect(await allByPage(q)).toEqual(expected);
    });

  it('the 2-character name 华为 finds that customer’s orders and no other', async () => {
    const { seen } = await walk(`q=${encodeURIComponent('华为')}&sort=number`);
    expect(seen.length).toBe(20);
    for (const o of seen) expect(o.customer.name).toBe('华为');
  });

  it('a text nothing holds gives an empty first page with no next or prev', async () => {
    const page = await get(admin, `/api/orders?q=${encodeURIComponent('不存在的客户')}&cursor=first`);
    expect(page).toMatchObject({ items: [], next: null, prev: null });
  });
});

describe('order search by product name: pages in the list order exactly, forward and back', () => {
  const SORTS: Record<string, string[]> = {
    createdAt: ['o.created_at'],
    total: ['o.total'],
    customer: ['c.name'],
    status: ['o.status', 'o.created_at'],
  };
  /** The orders holding the text in a number, PO, customer or product name, in the list's order, from SQL. */
  const truth = async (text: string, sort: string, order: 'asc' | 'desc') =>
    (
      await sql<{ id: string }>`
      select o.id from orders o join customers c on c.company_id = o.company_id and c.id = o.customer_id
       where o.company_id = ${t.companyA}
         and (o.number like ${`%${text}%`} or o.customer_po like ${`%${text}%`} or c.name like ${`%${text}%`}
              or exists (select 1 from order_lines l
                           join products p on p.company_id = l.company_id and p.id = l.product_id
                          where l.company_id = o.company_id and l.order_id = o.id and p.name like ${`%${text}%`}))
       order by ${sql.raw([...SORTS[sort], 'o.id'].map((k) => `${k} ${order}`).join(', '))}`.execute(t.database.db)
    ).rows.map((r) => r.id);

  type PageOf = (cursor: string) => Promise<{ items: { id: string }[]; next: string | null; prev: string | null }>;
  /** Every page following `next` from the first, then every page following `prev` back from the last. */
  async function bothWays(pageOf: PageOf) {
    const forward: string[][] = [];
    let page = await pageOf('first');
    for (;;) {
      forward.push(page.items.map((o) => o.id));
      if (!page.next) break;
      page = await pageOf(page.next);
    }
    const back: string[][] = [];
    for (;;) {
      back.unshift(page.items.map((o) => o.id));
      if (!page.prev) break;
      page = await pageOf(page.prev);
    }
    return { forward, back };
  }

  // 螺丝刀: two products, and orders holding both; 钢螺丝刀套: one of them; 扳手: a 2-character name.
  for (const text of ['螺丝刀', '钢螺丝刀套', '扳手'])
    for (const sort of Object.keys(SORTS))
      for (const order of ['asc', 'desc'] as const)
        it(`q=${text} sort=${sort} ${order}: each matching order once, in the SQL order, prev walks back`, async () => {
          const expected = await truth(text, sort, order);
          expect(expected.length).toBeGreaterThan(4);
          const q = `q=${encodeURIComponent(text)}&sort=${sort}&order=${order}&pageSize=4`;
          const { forward, back } = await bothWays((c) =>
            get(admin, `/api/orders?${q}&cursor=${encodeURIComponent(c)}`),
          );
          expect(forward.flat()).toEqual(expected);
          expect(back).toEqual(forward);
        });

  it('螺丝刀 matches orders holding both of its products, and the list shows each of them once', async () => {
    const both = await sql<{ id: string }>`
      select l.order_id as id from order_lines l join products p on p.company_id = l.company_id and p.id = l.product_id
       where l.company_id = ${t.companyA} and p.name like '%螺丝刀%' group by l.order_id having count(*) = 2`.execute(
      t.database.db,
    );
    expect(both.rows.length).toBeGreaterThan(0);
    const listed = (await walk(`q=${encodeURIComponent('螺丝刀')}`, 4)).seen.map((o) => o.id);
    for (const { id } of both.rows) expect(listed.filter((x) => x === id)).toHaveLength(1);
  });

  // The walk a large company's search takes (order-search.ts chooses it by the product lines' share of the orders):
  // the same pages as gathering the orders, here on the small list where the count alone would gather.
  for (const sort of Object.keys(SORTS))
    for (const order of ['asc', 'desc'] as const)
      it(`walking the list for 螺丝刀, sort=${sort} ${order}: the SQL order, forward and back`, async () => {
        const text = '螺丝刀';
        const planned = await planOrderSearch(t.database.db, t.companyA, text);
        expect(planned).toMatchObject({ narrow: true, walk: false });
        const search = { ...planned, walk: true } as OrderSearch;
        const { forward, back } = await bothWays((cursor) =>
          listOrdersByCursor(t.database.db, t.companyA, { cursor, pageSize: 4, sort, order, q: text, search }),
        );
        expect(forward.flat()).toEqual(await truth(text, sort, order));
        expect(back).toEqual(forward);
      });
});

describe('bad cursors and other companies', () => {
  it('a cursor that is not one, or was made for another sort, is a 400 naming query.cursor', async () => {
    const first = await get(admin, '/api/orders?sort=number&pageSize=5&cursor=first');
    for (const url of [
      '/api/orders?cursor=not-a-cursor',
      `/api/orders?cursor=${Buffer.from('{"a":1}').toString('base64url')}`,
      `/api/orders?sort=total&cursor=${first.next}`,
      `/api/orders?sort=number&order=desc&cursor=${first.next}`,
    ]) {
      const res = await admin({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('REQUEST.BAD_CURSOR');
      expect(res.json().error.fields[0].path).toBe('query.cursor');
    }
    expect((await get(admin, `/api/orders?sort=number&pageSize=5&cursor=${first.next}`)).items).toHaveLength(5);
  });

  it('each company lists and finds only its own orders', async () => {
    const { seen } = await walk('sort=customer', 4, adminB);
    expect(seen.map((o) => o.id).sort()).toEqual(await companyOrderIds(t.companyB));
    const found = (await walk(`q=${encodeURIComponent('华为')}`, 4, adminB)).seen;
    expect(found.length).toBe(2);
    for (const o of found) expect(o.number.startsWith('B-')).toBe(true);
    const inA = (await walk(`q=${encodeURIComponent('华为')}`, 50)).seen;
    expect(inA.every((o) => o.number.startsWith('A-'))).toBe(true);
  });
});
