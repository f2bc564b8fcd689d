import { Command } from 'commander';
import { loadConfig } from '../config';
import { connect } from '../db/connect';
import { migrate } from '../db/migrate';
import { version } from '../version';
import { isEmpty } from '../modules/demo/demo.seed';
import { addUserCommand } from './user-add';
import { allocateCommand } from './allocate';
import { backupCommands } from './backup';
import { seedScaleCommand } from './seed-scale';

const program = new Command('luyue').description('Luyue 履约 — sales order management').version(version);

program
  .command('serve')
  .description('migrate the database and serve the web app and API (default port 3000)')
  .action(async () => {
    // The app (every route) loads only for the commands that need it, so `luyue allocate` starts quickly.
    const { serve } = await import('../main');
    await serve();
  });

program
  .command('migrate')
  .description('apply database migrations and exit')
  .action(async () => {
    const database = await connect(loadConfig());
    const applied = await migrate(database.db);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    await database.close();
  });

program
  .command('seed-demo')
  .description('load the demo companies, users, master data and sample orders into an empty database')
  .action(async () => {
    const config = loadConfig();
    const database = await connect(config);
    await migrate(database.db);
    if (!(await isEmpty(database.db))) {
      console.error('the database already holds data; demo data is only loaded into an empty one');
      await database.close();
      process.exit(1);
    }
    const { seedDemoWithOrders } = await import('../main');
    await database.db.transaction().execute((trx) => seedDemoWithOrders(trx, config, new Date()));
    console.log('demo data loaded');
    await database.close();
  });

allocateCommand(program);
seedScaleCommand(program);
backupCommands(program);

const user = program.command('user').description('manage users');
addUserCommand(user);

await program.parseAsync(process.argv);
