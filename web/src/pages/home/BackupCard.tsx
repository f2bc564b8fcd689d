import { Alert, Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Workbench } from '../../api/workbench';

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** The admin's view of the backups on the 工作台: the last success, and a failure that came after it. */
export function BackupCard({ backup }: { backup: NonNullable<Workbench['backup']> }) {
  const { t } = useTranslation();
  const ok = backup.lastSuccess;
  return (
    <Card title={t('backups.title')} size="small" style={{ marginBottom: 16 }} data-testid="backup">
      {backup.lastFailure && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="backup-failed"
          message={t('backups.failed', {
            at: dayjs(backup.lastFailure.at).format('YYYY-MM-DD HH:mm'),
            error: backup.lastFailure.error,
          })}
        />
      )}
      {ok ? (
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('backups.lastSuccess')}>
            <span data-testid="backup-last">{dayjs(ok.at).format('YYYY-MM-DD HH:mm')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('backups.file')}>{ok.file}</Descriptions.Item>
          <Descriptions.Item label={t('backups.size')}>{size(ok.sizeBytes)}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('backups.none')}</Typography.Text>
      )}
      {backup.scheduled && (
        <div>
          <Typography.Text type="secondary">{t('backups.nightly')}</Typography.Text>
        </div>
      )}
    </Card>
  );
}
