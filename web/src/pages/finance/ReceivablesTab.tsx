import { Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { financeApi, type Receivable } from '../../api/finance';
import { useFinanceList } from './useFinanceList';
import { FinanceFilters, financeEmpty, isFiltered, type FinanceQuery } from './FinanceFilters';
import { yuan } from '../../format';

const BUCKETS = ['not_due', '0-30', '31-60', '61-90', '>90'];

/** 应收: open receivables with their due dates and aging bucket. */
export function ReceivablesTab({ version }: { version: number }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<FinanceQuery>({});
  // Open receivables only: what is paid is history, not work.
  const query = { ...filter, open: 'true' };
  const receivables = useFinanceList(financeApi.receivables, version, query);
  return (
    <>
      <FinanceFilters
        value={filter}
        onChange={setFilter}
        exportUrl={(q) => financeApi.receivablesExportUrl({ open: 'true', ...q })}
        testId="receivables"
        kind={{
          key: 'bucket',
          placeholder: t('lists.bucket'),
          options: BUCKETS.map((b) => ({ value: b, label: t(`lists.buckets.${b}`) })),
        }}
      />
      <Table<Receivable>
        rowKey="id"
        size="middle"
        dataSource={receivables}
        data-testid="receivables"
        locale={financeEmpty(isFiltered(filter), t('lists.receivablesEmpty'), t)}
        columns={[
          { title: t('order.customer'), dataIndex: 'customerName' },
          {
            title: t('order.number'),
            dataIndex: 'orderNumber',
            render: (n: string, r) => r.orderId && <Link to={`/orders/${r.orderId}`}>{n}</Link>,
          },
          { title: t('ful.amount'), dataIndex: 'amount', align: 'right', render: (v: string) => yuan(v) },
          { title: t('ful.outstanding'), dataIndex: 'outstanding', align: 'right', render: (v: string) => yuan(v) },
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
