import { Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useFinanceList } from './useFinanceList';

type LetterOfCredit = {
  id: string;
  orderId: string;
  orderNumber: string;
  customerName: string;
  number: string;
  amount: string;
  expiryDate: string;
  latestShipmentDate: string;
  checkedBy: string;
  valid: boolean;
};

/** 信用证登记: letters of credit recorded on orders, with their expiry and latest shipment dates. */
export function LettersOfCreditTab({ version }: { version: number }) {
  const { t } = useTranslation();
  const lcs = useFinanceList<LetterOfCredit>('/api/letters-of-credit', version);
  return (
    <Table<LetterOfCredit>
      rowKey="id"
      size="middle"
      dataSource={lcs}
      data-testid="letters-of-credit"
      columns={[
        { title: t('ful.lcNo'), dataIndex: 'number' },
        {
          title: t('order.number'),
          dataIndex: 'orderNumber',
          render: (n: string, r) => <Link to={`/orders/${r.orderId}`}>{n}</Link>,
        },
        { title: t('order.customer'), dataIndex: 'customerName' },
        { title: t('ful.amount'), dataIndex: 'amount', align: 'right' },
        { title: t('ful.expiry'), dataIndex: 'expiryDate' },
        { title: t('ful.latestShipment'), dataIndex: 'latestShipmentDate' },
        { title: t('ful.checkedBy'), dataIndex: 'checkedBy' },
        {
          title: t('order.status'),
          dataIndex: 'valid',
          render: (v: boolean) => <Tag color={v ? 'green' : 'red'}>{t(v ? 'ful.valid' : 'ful.invalid')}</Tag>,
        },
      ]}
    />
  );
}
