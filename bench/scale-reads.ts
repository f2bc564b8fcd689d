// Read paths against a company seeded by `luyue seed-scale`: p50/p99 of each path through the real app
// (app.inject: routing, auth, validation, serialization), against the targets of issue 16, then peak server RSS
// with 32 HTTP clients working against `luyue serve` in a process of its own. Prints JSON.
//   DATABASE_URL=postgres://… node --import tsx bench/scale-reads.ts [--company SC] [--runs 30] [--seconds 20]
//   LUYUE_DATA_DIR=/path/to/pglite node --import tsx bench/scale-reads.ts …
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { connect } from '../src/db/connect';
import { DEMO_PASSWORD } from '../src/modules/demo/demo.seed';
import { scaleUsername } from '../src/modules/scale/scale-seed';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const COMPANY = arg('company', 'SC');
const RUNS = Number(arg('runs', '30'));
const SECONDS = Number(arg('seconds', '20'));
const CLIENTS = Number(arg('clients', '32'));

const config = loadConfig();
const database = await connect(config);
const db = database.db;
const company = await db.selectFrom('companies').select('id').where('code', '=', COMPANY).executeTakeFirst();
if (!company) throw new Error(`no company ${COMPANY}: run luyue seed-scale first`);
const companyId = company.id;
const app = await buildApp({ db, engine: database.engine, config, version: 'bench', clock: () => new Date() });
await app.ready();

const tokens = new Map<string, string>();
async function token(name: string) {
  if (!tokens.has(name)) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: scaleUsername(COMPANY, name), password: DEMO_PASSWORD, companyId },
    });
    if (res.statusCode !== 200) throw new Error(`login ${name}: ${res.body}`);
    tokens.set(name, res.json().token);
  }
  return tokens.get(name)!;
}

// Sample values: the busiest customer, a product, a salesperson, an order, last month and last full year.
const facts = (
  await sql<{ customer: string; customer_name: string; product: string; product_name: string; order_id: string }>`
    select (select customer_id from orders where company_id = ${companyId}
             group by customer_id order by count(*) desc limit 1) as customer,
           (select c.name from customers c where c.company_id = ${companyId} order by c.code limit 1) as customer_name,
           (select id from products where company_id = ${companyId} order by sku limit 1) as product,
           (select name from products where company_id = ${companyId} order by sku limit 1) as product_name,
           (select id from orders where company_id = ${companyId}
             order by created_at desc limit 1) as order_id`.execute(db)
).rows[0];
const number = (await db
  .selectFrom('orders')
  .select('number')
  .where('company_id', '=', companyId)
  .where('id', '=', facts.order_id)
  .executeTakeFirstOrThrow())!.number;
const salesperson = (await db
  .selectFrom('users')
  .select('id')
  .where('username', '=', scaleUsername(COMPANY, 'sales01'))
  .executeTakeFirstOrThrow())!.id;
const orderIds = (
  await sql<{ id: string }>`select id from orders where company_id = ${companyId}
    order by created_at desc limit 200`.execute(db)
).rows.map((r) => r.id);
const now = new Date();
const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)).toISOString().slice(0, 7);
const monthStart = `${lastMonth}-01`;
const monthEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0)).toISOString().slice(0, 10);
const year = now.getUTCFullYear() - 1;
const DEEP = Number(arg('deep', '2000'));
const word = (s: string) => encodeURIComponent(s.slice(-6, -2));

type Path = {
  name: string;
  url: string | (() => string);
  user: string;
  target: number;
  method?: 'POST';
  body?: object;
};
/**
 * The list pages by cursor when the app offers it (keyset: `cursor=first`, then each page's `next`), else by page
 * number; a deep page is page DEEP by number, or the page reached after walking DEEP_CURSOR pages of cursors.
 */
const probe = await app.inject({
  method: 'GET',
  url: '/api/orders?cursor=first&pageSize=1',
  headers: { authorization: `Bearer ${await token('admin')}` },
});
const byCursor = probe.statusCode === 200 && 'next' in probe.json();
const DEEP_CURSOR = Number(arg('deep-cursor', '100'));
async function deepCursor(q: string) {
  let cursor = 'first';
  for (let i = 0; i < DEEP_CURSOR; i++) {
    const res = await app.inject({
      method: 'GET',
      url: `/api/orders?pageSize=20&cursor=${encodeURIComponent(cursor)}&${q}`,
      headers: { authorization: `Bearer ${await token('admin')}` },
    });
    const next = res.json().next as string | null;
    if (!next) break;
    cursor = next;
  }
  return cursor;
}
const list = async (name: string, q: string, deep = false): Promise<Path> => ({
  name: `order list: ${name}${deep ? ` (deep: ${byCursor ? `${DEEP_CURSOR} pages of cursor` : `page ${DEEP}`})` : ''}`,
  url: byCursor
    ? `/api/orders?pageSize=20&cursor=${encodeURIComponent(deep ? await deepCursor(q) : 'first')}&${q}`
    : `/api/orders?pageSize=20&page=${deep ? DEEP : 1}&${q}`,
  user: 'admin',
  target: 100,
});
const filters: [string, string][] = [
  ['newest first', 'sort=createdAt&order=desc'],
  ['status', 'status=confirmed,in_fulfillment,partially_shipped'],
  ['customer', `customer=${facts.customer}`],
  ['date range', `from=${monthStart}&to=${monthEnd}`],
  ['product', `product=${facts.product}`],
  ['salesperson', `salesperson=${salesperson}`],
  ['search number', `q=${encodeURIComponent(number)}`],
  ['search customer name', `q=${word(facts.customer_name)}`],
  ['search product name', `q=${encodeURIComponent(facts.product_name.slice(2))}`],
  ['sort by total', 'sort=total&order=desc'],
  ['sort by customer', 'sort=customer&order=asc'],
];
let next = 0;
const paths: Path[] = [
  ...(await Promise.all(filters.map(([n, q]) => list(n, q)))),
  await list('newest first', 'sort=createdAt&order=desc', true),
  await list('status completed', 'status=completed', true),
  await list('sort by total', 'sort=total&order=desc', true),
  await list('search product name', `q=${encodeURIComponent(facts.product_name.slice(2))}`, true),
  { name: 'order page', url: () => `/api/orders/${orderIds[next++ % orderIds.length]}`, user: 'admin', target: 20 },
  ...['admin', 'sales01', 'reviewer', 'finance', 'director', 'gm', 'orderadmin', 'warehouse', 'logistics', 'service']
    .concat(['planner', 'allocation', 'docs', 'legal'])
    .map((user) => ({ name: `workbench: ${user}`, url: '/api/workbench', user, target: 100 })),
  // The bell, asked on every page: the reviewer and finance are told of every order's stage and leave many unread.
  ...['reviewer', 'finance', 'sales01'].map((user) => ({
    name: `notification bell: ${user}`,
    url: '/api/notifications/unread-count',
    user,
    target: 100,
  })),
  {
    name: 'customer statement, one year',
    url: `/api/customers/${facts.customer}/statement?from=${year}-01-01&to=${year}-12-31`,
    user: 'finance',
    target: 200,
  },
  { name: 'warehouse queue', url: '/api/fulfilment/queue?queue=warehouse', user: 'warehouse', target: 50 },
  { name: 'finance queue', url: '/api/fulfilment/queue?queue=finance', user: 'finance', target: 50 },
];
const monthly: Path = {
  name: 'monthly report (build)',
  url: '/api/reports/monthly/rebuild',
  method: 'POST',
  body: { month: lastMonth },
  user: 'director',
  target: 5000,
};

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const round = (n: number) => Math.round(n * 10) / 10;

async function measure(a: FastifyInstance, p: Path, runs: number) {
  const auth = { authorization: `Bearer ${await token(p.user)}` };
  const times: number[] = [];
  let failed: string | undefined;
  for (let i = 0; i < runs + 2; i++) {
    const url = typeof p.url === 'function' ? p.url() : p.url;
    const t0 = performance.now();
    const res = await a.inject({ method: p.method ?? 'GET', url, headers: auth, payload: p.body });
    const ms = performance.now() - t0;
    if (res.statusCode >= 400) failed = `${res.statusCode} ${res.body.slice(0, 200)}`;
    if (i >= 2) times.push(ms);
  }
  const p99 = percentile(times, 99);
  return {
    path: p.name,
    p50: round(percentile(times, 50)),
    p99: round(p99),
    target: p.target,
    pass: !failed && p99 <= p.target,
    ...(failed ? { error: failed } : {}),
  };
}

/** --only <text>: just the paths whose name holds the text (the memory phase runs unless --seconds 0). */
const ONLY = arg('only', '');
const results = [];
for (const p of paths.filter((x) => x.name.includes(ONLY))) {
  const r = await measure(app, p, RUNS);
  results.push(r);
  process.stderr.write(`${r.pass ? 'ok  ' : 'MISS'} ${r.path}: p50 ${r.p50} ms, p99 ${r.p99} ms\n`);
}
if (monthly.name.includes(ONLY)) results.push(await measure(app, monthly, 3));

/** How `npm start` serves (its node options, such as the heap limit, and its entry), read from its script. */
function startCommand() {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
  const [, options, entry] = /node ((?:--\S+ )*)(bin\/luyue\.\w+) serve/.exec(pkg.scripts.start)!;
  return [...options.split(' ').filter(Boolean), entry, 'serve'];
}

/**
 * `luyue serve` in a process of its own on a free port, with this bench's database settings, run as `npm start`
 * runs it.
 */
async function startServer() {
  const child = spawn(process.execPath, startCommand(), {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const address = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /is running: (http:\/\/localhost:\d+)/.exec(out);
      if (m) resolve(m[1].replace('localhost', '127.0.0.1'));
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return { child, address };
}

/** A process's resident set now and at its peak (VmRSS, VmHWM), in MB, as the kernel counts them. */
function rssOf(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (key: string) => Math.round(Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)![1]) / 1024);
  return { rss: mb('VmRSS'), peak: mb('VmHWM') };
}

/**
 * 32 clients over HTTP for a while against the server in its own process, each looping over the list, order page,
 * 工作台 and queues: the server's peak RSS (the kernel's high-water mark), not this bench's.
 */
async function underLoad() {
  const { child, address } = await startServer();
  try {
    const idle = rssOf(child.pid!);
    const tokens = new Map<string, string>();
    for (const user of new Set(paths.map((p) => p.user))) {
      const res = await fetch(`${address}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: scaleUsername(COMPANY, user), password: DEMO_PASSWORD, companyId }),
      });
      tokens.set(user, ((await res.json()) as { token: string }).token);
    }
    const mix = paths.filter((p) => !p.name.includes('(deep'));
    const until = performance.now() + SECONDS * 1000;
    let requests = 0;
    let errors = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        for (let i = c; performance.now() < until; i++) {
          const p = mix[i % mix.length];
          const url = typeof p.url === 'function' ? p.url() : p.url;
          const res = await fetch(`${address}${url}`, { headers: { authorization: `Bearer ${tokens.get(p.user)}` } });
          await res.arrayBuffer();
          requests++;
          if (res.status >= 400) errors++;
        }
      }),
    );
    const { peak } = rssOf(child.pid!);
    return {
      clients: CLIENTS,
      seconds: SECONDS,
      requests,
      errors,
      idleRssMB: idle.rss,
      peakRssMB: peak,
      target: 400,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}
const counts = (
  await sql<{ orders: number; lines: number }>`select (select count(*)::int from orders where company_id = ${companyId})
    as orders, (select count(*)::int from order_lines where company_id = ${companyId}) as lines`.execute(db)
).rows[0];
// The embedded database has one owner at a time: this bench lets go of it before the server opens it.
await app.close();
await database.close();
const load = SECONDS > 0 ? await underLoad() : undefined;

console.log(
  JSON.stringify(
    {
      engine: database.engine,
      company: COMPANY,
      paging: byCursor ? 'cursor' : 'page number',
      ...counts,
      runs: RUNS,
      paths: results,
      missed: results.filter((r) => !r.pass).map((r) => r.path),
      memory: load && { ...load, pass: load.peakRssMB <= 400 && load.errors === 0 },
    },
    null,
    2,
  ),
);
