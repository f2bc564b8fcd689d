import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './migrations/0001_foundation';
import * as m0002 from './migrations/0002_orders';
import * as m0003 from './migrations/0003_allocation';
import * as m0004 from './migrations/0004_fulfilment';
import * as m0005 from './migrations/0005_statements';
import * as m0007 from './migrations/0007_feedback';

// Every migration, in order. New ones are added here.
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_orders': m0002,
  '0003_allocation': m0003,
  '0004_fulfilment': m0004,
  '0005_statements': m0005,
  '0007_feedback': m0007,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrate(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
