import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  draft: 'default',
  in_review: 'processing',
  approved: 'cyan',
  signed: 'blue',
  completed: 'success',
  closed: 'warning',
};

export function ContractStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="contract-status">
      {t(`contracts.status.${status}`)}
    </Tag>
  );
}
