import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  draft: 'default',
  in_review: 'processing',
  rejected: 'error',
  awaiting_confirmation: 'warning',
  confirmed: 'success',
  cancelled: 'default',
  requested: 'warning',
  answered: 'success',
  declined: 'error',
  on_hold: 'warning',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status] ?? 'blue'} data-testid="status-tag">
      {t(`status.${status}`)}
    </Tag>
  );
}
