import { Table } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useFinanceList } from './useFinanceList';

type Invoice = {
  id: string;
  orderId: string;
  orderNumber: string;
  customerName: string;
  number: string;
  issuedOn: string;
  amount: string;
  taxRate: string;
  type: string;
  outboundVoucher: string;
};

/** 发票登记: invoices recorded when orders complete. */
export function InvoicesTab({ version }: { version: number }) {
  const { t } = useTranslation();
  const invoices = useFinanceList<Invoice>('/api/invoices', version);
  return (
    <Table<Invoice>
      rowKey="id"
      size="middle"
      dataSource={invoices}
      data-testid="invoices"
      columns={[
        { title: t('ful.invoiceNo'), dataIndex: 'number' },
        {
          title: t('order.number'),
          dataIndex: 'orderNumber',
          render: (n: string, r) => <Link to={`/orders/${r.orderId}`}>{n}</Link>,
        },
        { title: t('order.customer'), dataIndex: 'customerName' },
        { title: t('stock.at'), dataIndex: 'issuedOn' },
        { title: t('ful.amount'), dataIndex: 'amount', align: 'right' },
        { title: t('ful.taxRate'), dataIndex: 'taxRate', align: 'right' },
        {
          title: t('ful.invoiceType'),
          dataIndex: 'type',
          render: (x: string) => ({ normal: '普票', special: '专票', digital: '数电票' })[x] ?? x,
        },
        { title: t('ful.outboundVoucher'), dataIndex: 'outboundVoucher' },
      ]}
    />
  );
}
