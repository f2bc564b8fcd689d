// English of ../parts/backups.ts: fetched with the rest of English the first time someone reads in English.
export const en = {
  backups: {
    title: 'Backups',
    lastSuccess: 'Last successful backup',
    none: 'No successful backup yet',
    file: 'File',
    size: 'Size',
    failed: 'The latest backup failed ({{at}}): {{error}}',
    nightly: 'The embedded database backs itself up every night',
  },
  notice: { backup_failed: 'The nightly backup failed (folder {{dir}}): {{error}}' },
};
