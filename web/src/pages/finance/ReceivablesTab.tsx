import { Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { financeApi, type Receivable } from '../../api/finance';
import { ServerTable } from '../../components/ServerTable';
import { FinanceFilters, type FinanceQuery } from './FinanceFilters';
import { moneyWithRmb } from '../../format';

const BUCKETS = ['not_due', '0-30', '31-60', '61-90', '>90'];

/** 应收: open receivables with their due dates and aging bucket. */
export function ReceivablesTab({ version }: { version: number }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<FinanceQuery>({});
  // Open receivables only: what is paid is history, not work.
  const query = { ...filter, open: 'true' };
  return (
    <>
      <FinanceFilters
        value={filter}
        onChange={setFilter}
        testId="receivables"
        kind={{
          key: 'bucket',
          placeholder: t('lists.bucket'),
          options: BUCKETS.map((b) => ({ value: b, label: t(`lists.buckets.${b}`) })),
        }}
      />
      <ServerTable<Receivable>
        url={financeApi.receivablesUrl}
        rowKey="id"
        filters={query}
        exportUrl={financeApi.receivablesExportUrl({})}
        exportFiltered
        reloadKey={version}
        testId="receivables"
        empty={t('lists.receivablesEmpty')}
        columns={[
          { title: t('order.customer'), dataIndex: 'customerName' },
          {
            title: t('order.number'),
            dataIndex: 'orderNumber',
            render: (n: string, r) => r.orderId && <Link to={`/orders/${r.orderId}`}>{n}</Link>,
          },
          // In the order's currency, its RMB equivalent beside a foreign one.
          {
            title: t('ful.amount'),
            dataIndex: 'amount',
            align: 'right',
            render: (v: string, r) => moneyWithRmb(v, r.currency, r.amountRmb),
          },
          {
            title: t('ful.outstanding'),
            dataIndex: 'outstanding',
            align: 'right',
            render: (v: string, r) => (
              <span data-testid={`receivable-outstanding-${r.orderNumber}`}>
                {moneyWithRmb(v, r.currency, r.outstandingRmb)}
              </span>
            ),
          },
          { title: t('ful.due'), dataIndex: 'dueDate' },
          {
            title: t('ful.aging'),
            dataIndex: 'bucket',
            render: (b: string) => <Tag color={b === 'not_due' ? 'green' : 'red'}>{t(`lists.buckets.${b}`)}</Tag>,
          },
        ]}
      />
    </>
  );
}
