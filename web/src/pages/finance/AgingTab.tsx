import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financeApi, type Aging } from '../../api/finance';
import { ServerTable } from '../../components/ServerTable';
import { FinanceFilters, type FinanceQuery } from './FinanceFilters';
import { yuan } from '../../format';

/** 账龄: what each customer owes, by how long it is overdue. */
export function AgingTab({ version }: { version: number }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<FinanceQuery>({});
  const money = (v: string) => yuan(v);
  return (
    <>
      <FinanceFilters value={filter} onChange={setFilter} dates={false} testId="aging" />
      <ServerTable<Aging>
        url={financeApi.agingUrl}
        rowKey="customerId"
        filters={filter}
        exportUrl={financeApi.agingExportUrl({})}
        exportFiltered
        reloadKey={version}
        testId="aging"
        empty={t('lists.agingEmpty')}
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
