import { Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFinanceList } from './useFinanceList';
import { FinanceFilters, financeEmpty, isFiltered, type FinanceQuery } from './FinanceFilters';
import { yuan } from '../../format';

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
  const [filter, setFilter] = useState<FinanceQuery>({});
  const aging = useFinanceList<Aging>('/api/receivables/aging', version, filter);
  const money = (v: string) => yuan(v);
  return (
    <>
      <FinanceFilters
        value={filter}
        onChange={setFilter}
        exportUrl="/api/receivables/aging/export.xlsx"
        dates={false}
        testId="aging"
      />
      <Table<Aging>
        rowKey="customerId"
        size="middle"
        dataSource={aging}
        data-testid="aging"
        locale={financeEmpty(isFiltered(filter), t('lists.agingEmpty'), t)}
        columns={[
          { title: t('order.customer'), dataIndex: 'customerName' },
          ...(['not_due', '0-30', '31-60', '61-90', '>90'] as const).map((b) => ({
            title: t(`lists.buckets.${b}`),
            dataIndex: b,
            align: 'right' as const,
            render: money,
          })),
          { title: t('order.total'), dataIndex: 'total', align: 'right', render: money },
        ]}
      />
    </>
  );
}
