// Backups of the database: the admin's 工作台 card and the notice of a failed nightly backup.
export const zh = {
  backups: {
    title: '数据备份',
    lastSuccess: '上次成功备份',
    none: '尚无成功的备份',
    file: '文件',
    size: '大小',
    failed: '最近一次备份失败（{{at}}）：{{error}}',
    nightly: '内置数据库每晚自动备份',
  },
  notice: { backup_failed: '每晚数据备份失败（目录 {{dir}}）：{{error}}' },
};
