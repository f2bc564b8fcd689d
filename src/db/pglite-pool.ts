import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

// PGlite has one connection. This pool hands it to one holder at a time, so a
// Kysely transaction owns it from BEGIN to COMMIT and other work queues behind it.
export function pglitePool(pg: PGlite): PostgresPool {
  let tail: Promise<void> = Promise.resolve();

  const client = (release: () => void): PostgresPoolClient => ({
    async query(sqlText: string, parameters: readonly unknown[]) {
      const result = await pg.query(sqlText, parameters as unknown[]);
      const command = sqlText.trimStart().slice(0, 6).toUpperCase();
      return {
        command: (['INSERT', 'UPDATE', 'DELETE', 'SELECT'].includes(command) ? command : 'SELECT') as PostgresQueryResult<unknown>['command'],
        rowCount: result.affectedRows ?? result.rows.length,
        rows: result.rows,
      } as PostgresQueryResult<any>;
    },
    release,
  }) as PostgresPoolClient;

  return {
    connect() {
      return new Promise<PostgresPoolClient>((resolve) => {
        const previous = tail;
        let release!: () => void;
        tail = new Promise<void>((r) => (release = r));
        previous.then(() => resolve(client(release)));
      });
    },
    async end() {
      await tail;
    },
  };
}
