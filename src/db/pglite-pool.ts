import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import { createRequire } from 'node:module';
import pg from 'pg';
import { statementName } from './prepared-statements';

// node-postgres's own conversion of a parameter to its text form, so a value reaches both engines the same way.
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils') as {
  prepareValue: (value: unknown) => string | Buffer | null;
};
const literal = (value: unknown) => {
  const text = prepareValue(value);
  if (text === null) return 'null';
  return pg.escapeLiteral(typeof text === 'string' ? text : `\\x${text.toString('hex')}`);
};

const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release|start transaction)\b[^;]*$/i;

// PGlite has one connection. This pool hands it to one holder at a time, so a
// Kysely transaction owns it from BEGIN to COMMIT and other work queues behind it.
export type PglitePool = PostgresPool & {
  /** Runs fn while holding the one connection (for callers outside Kysely, e.g. the job queue). */
  exclusive<T>(fn: (pg: PGlite) => Promise<T>): Promise<T>;
};

export function pglitePool(lite: PGlite): PglitePool {
  // PGlite's query() parses and plans every statement and crosses into the engine six times (parse, describe,
  // bind, describe, execute, sync). A marked hot statement is prepared once instead, then run as one simple-protocol
  // `execute` with its parameters as literals: a third of the CPU for the confirmation's statements.
  const prepared = new Set<string>();
  async function run(sqlText: string, parameters: readonly unknown[]) {
    // Transaction control has nothing to plan or bind: one simple-protocol message.
    if (!parameters.length && TRANSACTION_CONTROL.test(sqlText)) return (await lite.exec(sqlText))[0];
    const name = statementName(sqlText);
    if (!name) return lite.query(sqlText, parameters as unknown[]);
    if (!prepared.has(name)) {
      await lite.exec(`prepare "${name}" as ${sqlText}`);
      prepared.add(name);
    }
    const args = parameters.length ? `(${parameters.map(literal).join(', ')})` : '';
    const results = await lite.exec(`execute "${name}"${args}`);
    return results[results.length - 1];
  }
  let tail: Promise<void> = Promise.resolve();
  const acquire = () =>
    new Promise<() => void>((resolve) => {
      const previous = tail;
      let release!: () => void;
      tail = new Promise<void>((r) => (release = r));
      previous.then(() => resolve(release));
    });

  const client = (release: () => void): PostgresPoolClient =>
    ({
      async query(sqlText: string, parameters: readonly unknown[]) {
        const result = await run(sqlText, parameters);
        const command = sqlText.trimStart().slice(0, 6).toUpperCase();
        return {
          command: (['INSERT', 'UPDATE', 'DELETE', 'SELECT'].includes(command)
            ? command
            : 'SELECT') as PostgresQueryResult<unknown>['command'],
          rowCount: result.affectedRows ?? result.rows.length,
          rows: result.rows,
        } as PostgresQueryResult<any>;
      },
      release,
    }) as PostgresPoolClient;

  return {
    async connect() {
      return client(await acquire());
    },
    async exclusive(fn) {
      const release = await acquire();
      try {
        return await fn(lite);
      } finally {
        release();
      }
    },
    async end() {
      await tail;
    },
  };
}
