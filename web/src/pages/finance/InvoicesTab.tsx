import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { financeApi, type Invoice } from '../../api/finance';
import { ServerTable } from '../../components/ServerTable';
import { FinanceFilters, type FinanceQuery } from './FinanceFilters';
import { yuan } from '../../format';

const TYPES = ['normal', 'special', 'digital'];

/** 发票登记: invoices recorded when orders complete. */
export function InvoicesTab({ version }: { version: number }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<FinanceQuery>({});
  return (
    <>
      <FinanceFilters
        value={filter}
        onChange={setFilter}
        testId="invoices"
        kind={{
          key: 'type',
          placeholder: t('lists.invoiceType'),
          options: TYPES.map((x) => ({ value: x, label: t(`codes.invoiceType.${x}`) })),
        }}
      />
      <ServerTable<Invoice>
        url={financeApi.invoicesUrl}
        rowKey="id"
        filters={filter}
        exportUrl={financeApi.invoicesExportUrl({})}
        exportFiltered
        reloadKey={version}
        testId="invoices"
        empty={t('lists.invoicesEmpty')}
        columns={[
          { title: t('ful.invoiceNo'), dataIndex: 'number' },
          {
            title: t('order.number'),
            dataIndex: 'orderNumber',
            render: (n: string, r) => <Link to={`/orders/${r.orderId}`}>{n}</Link>,
          },
          { title: t('order.customer'), dataIndex: 'customerName' },
          { title: t('stock.at'), dataIndex: 'issuedOn' },
          { title: t('ful.amount'), dataIndex: 'amount', align: 'right', render: (v: string) => yuan(v) },
          { title: t('ful.taxRate'), dataIndex: 'taxRate', align: 'right' },
          {
            title: t('ful.invoiceType'),
            dataIndex: 'type',
            render: (x: string) => t(`codes.invoiceType.${x}`),
          },
          { title: t('ful.outboundVoucher'), dataIndex: 'outboundVoucher' },
        ]}
      />
    </>
  );
}
