// Excel and CSV order import: lines imported per second, the whole path (read the file, check every row in memory,
// write all orders, lines and history rows in one transaction), on PGlite and on PostgreSQL. Prints JSON.
// Prints the figure per size, engine and format (xlsx, UTF-8 CSV) against the target (20,000 lines/s) with
// pass/fail. The import limits are raised for the bench so that 100k lines fit in one file.
//   node --import tsx bench/order-import.ts [--lines 10000,100000] [--pg postgres://postgres@127.0.0.1:5432/test]
//     [--db luyue_bench_import]
import ExcelJS from 'exceljs';
import pg from 'pg';
import { connectPglite, connectPostgres, type Database } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { seedDemo } from '../src/modules/demo/demo.seed';
import { importOrders } from '../src/modules/orders/order-import';
import { readOrderFile } from '../src/modules/orders/order-import.sheet';
import { toCsv } from '../src/lib/csv';
import type { Actor } from '../src/modules/auth/auth.service';
import { configureImports } from '../src/lib/excel';
import { ORDER_SHEET_HEADER } from '../test/helpers/order-sheet';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SIZES = arg('lines', '10000,100000').split(',').map(Number);
/** The PostgreSQL database the bench drops and creates (one per session sharing a server). */
const DB_NAME = arg('db', 'luyue_bench_import');
const TARGET = 20_000;
configureImports({ maxBytes: 200 * 1024 * 1024, maxUnpackedBytes: 2000 * 1024 * 1024, maxRows: 2_000_000 });
const PG_URL = arg(
  'pg',
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
);

async function freshPostgres(name: string): Promise<Database | null> {
  try {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    await admin.end();
  } catch {
    return null;
  }
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  return connectPostgres(u.toString(), 4);
}

const HEADER = ORDER_SHEET_HEADER;

/** The company's rows: 5 lines per order, orders spread over the demo customers and products. */
function sheetRows(lines: number, customers: string[], skus: string[], tag: string): string[][] {
  return Array.from({ length: lines }, (_, i) => {
    const order = Math.floor(i / 5);
    const c = customers[order % customers.length];
    return [
      `${tag}-${order}`,
      c,
      skus[i % skus.length],
      String(1 + (i % 9)),
      i % 2 ? '' : '99.00',
      '2026-12-28',
      '',
      '',
      '',
      '',
    ];
  });
}

type Format = 'xlsx' | 'csv';
async function fileOf(format: Format, rows: string[][]): Promise<Buffer> {
  // As a spreadsheet saves it: UTF-8 with a BOM.
  if (format === 'csv') return Buffer.from(`\ufeff${toCsv([HEADER, ...rows])}`);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('订单导入');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r.map((v, k) => (k === 3 ? Number(v) : v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function run(database: Database, lines: number) {
  const db = database.db;
  await migrate(db);
  const { companies } = await db.transaction().execute((trx) => seedDemo(trx, new Date()));
  const companyId = companies[0];
  const user = await db.selectFrom('users').select('id').where('username', '=', 'sales').executeTakeFirstOrThrow();
  const customers = (
    await db
      .selectFrom('customers')
      .select('code')
      .where('company_id', '=', companyId)
      .where('active', '=', true)
      .execute()
  ).map((c) => c.code);
  const skus = (
    await db
      .selectFrom('products')
      .select('sku')
      .where('company_id', '=', companyId)
      .where('active', '=', true)
      .execute()
  ).map((p) => p.sku);
  const actor = { userId: user.id, companyId, roles: ['sales_assistant'] } as unknown as Actor;
  const opts = { lang: 'zh-CN' as const, now: new Date(), timeZone: 'Asia/Shanghai' };
  const results = [];
  for (const format of ['xlsx', 'csv'] as const) {
    await importOrders(db, actor, await fileOf(format, sheetRows(100, customers, skus, `WARM-${format}`)), opts);
    const file = await fileOf(format, sheetRows(lines, customers, skus, `BENCH-${format}`));
    const started = performance.now();
    const c0 = process.cpuUsage();
    const result = await importOrders(db, actor, file, opts);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(c0);
    // Of which reading the file alone:
    const readStarted = performance.now();
    await readOrderFile(file, 'zh-CN');
    const readSeconds = (performance.now() - readStarted) / 1000;
    results.push({
      engine: database.engine,
      format,
      lines: result.lines,
      orders: result.orders,
      seconds: Number(seconds.toFixed(3)),
      linesPerSecond: Math.round(result.lines / seconds),
      // Process CPU: PGlite runs in this process, so there it is the import's whole cost; on PostgreSQL the
      // server's work is not in it.
      cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(3)),
      fileReadSeconds: Number(readSeconds.toFixed(3)),
      target: TARGET,
      pass: result.lines / seconds >= TARGET,
    });
  }
  return results;
}

const results = [];
for (const lines of SIZES) {
  const lite = await connectPglite();
  results.push(...(await run(lite, lines)));
  await lite.close();
  const server = await freshPostgres(DB_NAME);
  if (server) {
    results.push(...(await run(server, lines)));
    await server.close();
  }
}
console.log(JSON.stringify({ benchmark: 'order-import', results }, null, 2));
