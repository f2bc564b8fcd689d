import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  draft: 'default',
  in_review: 'processing',
  approved: 'cyan',
  sent: 'blue',
  accepted: 'success',
  declined: 'error',
  expired: 'warning',
};

export function QuotationStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="quotation-status">
      {t(`quotations.status.${status}`)}
    </Tag>
  );
}
