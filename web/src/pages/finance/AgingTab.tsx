import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFinanceList } from './useFinanceList';

type Aging = {
  customerId: string;
  customerName: string;
  total: string;
  not_due: string;
  '0-30': string;
  '31-60': string;
  '61-90': string;
  '>90': string;
};

/** 账龄: what each customer owes, by how long it is overdue. */
export function AgingTab({ version }: { version: number }) {
  const { t } = useTranslation();
  const aging = useFinanceList<Aging>('/api/receivables/aging', version);
  return (
    <Table<Aging>
      rowKey="customerId"
      size="middle"
      dataSource={aging}
      columns={[
        { title: t('order.customer'), dataIndex: 'customerName' },
        { title: t('ful.notDue'), dataIndex: 'not_due', align: 'right' },
        ...(['0-30', '31-60', '61-90', '>90'] as const).map((b) => ({
          title: b,
          dataIndex: b,
          align: 'right' as const,
        })),
        { title: t('order.total'), dataIndex: 'total', align: 'right' },
      ]}
    />
  );
}
