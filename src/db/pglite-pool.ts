import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

// PGlite has one connection. This pool hands it to one holder at a time, so a
// Kysely transaction owns it from BEGIN to COMMIT and other work queues behind it.
export type PglitePool = PostgresPool & {
  /** Runs fn while holding the one connection (for callers outside Kysely, e.g. the job queue). */
  exclusive<T>(fn: (pg: PGlite) => Promise<T>): Promise<T>;
};

export function pglitePool(pg: PGlite): PglitePool {
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
        const result = await pg.query(sqlText, parameters as unknown[]);
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
        return await fn(pg);
      } finally {
        release();
      }
    },
    async end() {
      await tail;
    },
  };
}
