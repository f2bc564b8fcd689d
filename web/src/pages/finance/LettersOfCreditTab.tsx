import { Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { financeApi, type LetterOfCredit } from '../../api/finance';
import { useFinanceList } from './useFinanceList';

/** 信用证登记: letters of credit recorded on orders, with their expiry and latest shipment dates. */
export function LettersOfCreditTab({ version }: { version: number }) {
  const { t } = useTranslation();
  const lcs = useFinanceList(financeApi.lettersOfCredit, version);
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
