import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config';
import { connect } from '../db/connect';
import { version } from '../version';
import { backupDatabase, restoreDatabase } from '../modules/backups/backup.service';
import { BackupRefused } from '../modules/backups/backup-file';
import { backupFileName } from '../modules/backups/nightly-backup';

/** `luyue backup [--out FILE]` and `luyue restore FILE [--force]`, on whichever engine the configuration names. */
export function backupCommands(program: Command) {
  program
    .command('backup')
    .description('write the whole database to a backup file (default: a new file in LUYUE_BACKUP_DIR)')
    .option('--out <file>', 'the file to write')
    .action(async (opts: { out?: string }) => {
      const config = loadConfig();
      const now = new Date();
      const file = path.resolve(opts.out ?? path.join(config.backup.dir, backupFileName(now)));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const database = await connect(config);
      try {
        const r = await backupDatabase(database.db, { file, engine: database.engine, appVersion: version, now });
        console.log(`backup written: ${r.file} (${r.sizeBytes} bytes, ${r.tables} tables, ${r.rows} rows)`);
      } finally {
        await database.close();
      }
    });

  program
    .command('restore <file>')
    .description('restore a backup file into the database (refuses one holding data unless --force)')
    .option('--force', 'replace the data the database holds')
    .action(async (file: string, opts: { force?: boolean }) => {
      const database = await connect(loadConfig());
      try {
        const r = await restoreDatabase(database.db, { file: path.resolve(file), force: !!opts.force });
        const migrated = r.migrated.length ? `; migrated: ${r.migrated.join(', ')}` : '';
        console.log(`restored ${r.rows} rows of ${r.tables} tables from the backup of ${r.from}${migrated}`);
      } catch (err) {
        if (!(err instanceof BackupRefused)) throw err;
        console.error(`${err.code}: ${err.message}`);
        process.exitCode = 2;
      } finally {
        await database.close();
      }
    });
}
