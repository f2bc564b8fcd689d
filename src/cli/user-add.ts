import type { Command } from 'commander';
import { loadConfig } from '../config';
import { connect } from '../db/connect';
import { migrate } from '../db/migrate';
import { createUserBody } from '../modules/users/user.schemas';
import { createUser } from '../modules/users/user.service';
import { findCompanyByCode, insertCompany } from '../modules/users/user.repository';
import { ROLES } from '../modules/auth/roles';

type Options = { password: string; company: string; companyName?: string; name?: string; roles: string };

export function addUserCommand(user: Command) {
  user
    .command('add <username>')
    .description('create a user in a company')
    .requiredOption('--password <password>', 'at least 8 characters')
    .requiredOption('--company <code>', 'company code, e.g. HN')
    .option('--company-name <name>', 'creates the company with this name when no company has the code')
    .option('--name <displayName>', 'display name (defaults to the username)')
    .option('--roles <roles>', `comma-separated: ${ROLES.join(', ')}`, 'sales_assistant')
    .action(async (username: string, opts: Options) => {
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
      const created = await database.db.transaction().execute(async (trx) => {
        const company =
          (await findCompanyByCode(trx, opts.company)) ??
          (opts.companyName ? await insertCompany(trx, { code: opts.company, name: opts.companyName }) : undefined);
        return company && createUser(trx, null, company.id, parsed.data);
      });
      if (!created) {
        console.error(`no company with code ${opts.company} (add --company-name to create it)`);
        await database.close();
        process.exit(2);
      }
      console.log(`created ${created.username} (${created.roles.join(', ')})`);
      await database.close();
    });
}
