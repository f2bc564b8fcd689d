// The monthly report's build against a company seeded by `luyue seed-scale`, query by query: each statement's time
// (and with --explain its EXPLAIN (ANALYZE, BUFFERS) in --out), the whole build's, and with --out the report's JSON
// per month, built at a fixed --now so two builds can be compared byte for byte. Reads only: the build runs in a
// read-only transaction and nothing is stored. Prints JSON.
//   DATABASE_URL=postgres://… node --import tsx bench/report-build.ts [--company SC] [--months 2026-11,2026-06]
//     [--now 2026-12-01T04:00:00Z] [--runs 1] [--out dir] [--explain]
//   LUYUE_DATA_DIR=/path/to/pglite node --import tsx bench/report-build.ts …
import fs from 'node:fs';
import path from 'node:path';
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { loadConfig } from '../src/config';
import { connect } from '../src/db/connect';
import type { DB } from '../src/db/database';
import { buildMonthlyReport } from '../src/modules/reports/monthly-report';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const COMPANY = arg('company', 'SC');
const NOW = new Date(arg('now', new Date().toISOString()));
const RUNS = Number(arg('runs', '1'));
const OUT = arg('out', '');
const EXPLAIN = process.argv.includes('--explain');
const lastMonth = new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() - 1, 15)).toISOString().slice(0, 7);
const MONTHS = arg('months', lastMonth).split(',');

const config = loadConfig();
const database = await connect(config);
const db = database.db;
const company = await db.selectFrom('companies').select('id').where('code', '=', COMPANY).executeTakeFirst();
if (!company) throw new Error(`no company ${COMPANY}: run luyue seed-scale first`);
const timeZone = config.workHours.timeZone;

// Every statement the build sends, timed where the executor runs it (a transaction's executor shares the prototype).
type Logged = { query: CompiledQuery; ms: number };
let log: Logged[] | undefined;
const base = Object.getPrototypeOf(Object.getPrototypeOf(db.getExecutor())) as {
  executeQuery: (q: CompiledQuery, id?: unknown) => Promise<unknown>;
};
const execute = base.executeQuery;
base.executeQuery = async function (this: unknown, q: CompiledQuery, id?: unknown) {
  const t0 = performance.now();
  const r = await execute.call(this, q, id);
  log?.push({ query: q, ms: performance.now() - t0 });
  return r;
};

/** A statement's first words after its CTEs' names, to tell the statements apart in the output. */
const label = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 90);
const round = (n: number) => Math.round(n * 10) / 10;

async function readOnly<T>(f: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`set transaction read only`.execute(trx);
    return f(trx);
  });
}

/** A statement with its parameters written in as literals, to run again by hand (psql). */
function literal(q: CompiledQuery): string {
  const quote = (v: unknown): string =>
    v === null || v === undefined
      ? 'null'
      : v instanceof Date
        ? `'${v.toISOString()}'`
        : Array.isArray(v)
          ? `'{${v.map((x) => String(x)).join(',')}}'`
          : typeof v === 'number'
            ? String(v)
            : `'${String(v).replace(/'/g, "''")}'`;
  return q.sql.replace(/\$(\d+)/g, (_, n) => quote(q.parameters[Number(n) - 1]));
}

const results = [];
if (OUT) fs.mkdirSync(OUT, { recursive: true });
for (const month of MONTHS) {
  const runs: { ms: number; statements: Logged[]; json: string; bytes: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    log = [];
    const t0 = performance.now();
    const report = await readOnly((trx) => buildMonthlyReport(trx, company.id, month, timeZone, NOW));
    const ms = performance.now() - t0;
    const statements = log.filter((x) => !/^set transaction/.test(x.query.sql));
    log = undefined;
    runs.push({ ms, statements, json: JSON.stringify(report, null, 1), bytes: JSON.stringify(report).length });
  }
  const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  if (OUT) fs.writeFileSync(path.join(OUT, `report-${month}.json`), best.json);
  if (EXPLAIN && OUT) {
    const plans: string[] = [];
    for (const [i, s] of best.statements.entries()) {
      const plan = await readOnly((trx) =>
        trx.executeQuery<{ 'QUERY PLAN': string }>({
          ...s.query,
          sql: `explain (analyze, buffers) ${s.query.sql}`,
        }),
      );
      plans.push(
        `-- ${i + 1}: ${round(s.ms)} ms\n${s.query.sql}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}\n`,
      );
    }
    fs.writeFileSync(path.join(OUT, `plans-${month}.txt`), plans.join('\n'));
  }
  if (OUT)
    for (const [i, s] of best.statements.entries())
      fs.writeFileSync(path.join(OUT, `statement-${month}-${i + 1}.sql`), `${literal(s.query)};\n`);
  results.push({
    month,
    ms: runs.map((r) => round(r.ms)),
    jsonKB: Math.round(best.bytes / 1024),
    statements: best.statements.map((s, i) => ({ i: i + 1, ms: round(s.ms), sql: label(s.query.sql) })),
  });
}
console.log(JSON.stringify({ engine: database.engine, company: COMPANY, now: NOW.toISOString(), results }, null, 1));
await database.close();
