import type { Command } from 'commander';
import { loadConfig } from '../config';
import { connect } from '../db/connect';
import { migrate } from '../db/migrate';
import { createUserBody } from '../modules/users/user.schemas';
import { createUser } from '../modules/users/user.service';
import { ROLES } from '../modules/auth/roles';

export function addUserCommand(user: Command) {
  user
    .command('add <username>')
    .description('create a user in a company')
    .requiredOption('--password <password>', 'at least 8 characters')
    .requiredOption('--company <code>', 'company code, e.g. HN')
    .option('--name <displayName>', 'display name (defaults to the username)')
    .option('--roles <roles>', `comma-separated: ${ROLES.join(', ')}`, 'sales_assistant')
    .action(async (username: string, opts: { password: string; company: string; name?: string; roles: string }) => {
      const parsed = createUserBody.safeParse({
        username,
        password: opts.password,
        displayName: opts.name ?? username,
        roles: opts.roles.split(',').map((r) => r.trim()),
      });
      if (!parsed.success) {
        for (const i of parsed.error.issues) console.error(`${i.path.join('.')}: ${i.message}`);
        process.exit(2);
      }
      const database = await connect(loadConfig());
      await migrate(database.db);
      const company = await database.db
        .selectFrom('companies')
        .select('id')
        .where('code', '=', opts.company)
        .executeTakeFirst();
      if (!company) {
        console.error(`no company with code ${opts.company}`);
        await database.close();
        process.exit(2);
      }
      const created = await database.db.transaction().execute((trx) => createUser(trx, null, company.id, parsed.data));
      console.log(`created ${created.username} (${created.roles.join(', ')})`);
      await database.close();
    });
}
