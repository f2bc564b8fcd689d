import { Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useFinanceList } from './useFinanceList';

type Receivable = {
  id: string;
  customerName: string;
  orderId: string | null;
  orderNumber: string | null;
  amount: string;
  outstanding: string;
  dueDate: string;
  daysOverdue: number;
  bucket: string;
};

const OPEN = { open: 'true' };

/** 应收: open receivables with their due dates and aging bucket. */
export function ReceivablesTab({ version }: { version: number }) {
  const { t } = useTranslation();
  const receivables = useFinanceList<Receivable>('/api/receivables', version, OPEN);
  return (
    <Table<Receivable>
      rowKey="id"
      size="middle"
      dataSource={receivables}
      columns={[
        { title: t('order.customer'), dataIndex: 'customerName' },
        {
          title: t('order.number'),
          dataIndex: 'orderNumber',
          render: (n: string, r) => r.orderId && <Link to={`/orders/${r.orderId}`}>{n}</Link>,
        },
        { title: t('ful.amount'), dataIndex: 'amount', align: 'right' },
        { title: t('ful.outstanding'), dataIndex: 'outstanding', align: 'right' },
        { title: t('ful.due'), dataIndex: 'dueDate' },
        {
          title: t('ful.aging'),
          dataIndex: 'bucket',
          render: (b: string) => <Tag color={b === 'not_due' ? 'green' : 'red'}>{b}</Tag>,
        },
      ]}
    />
  );
}
