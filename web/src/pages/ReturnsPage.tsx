import { Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Customer, ReturnListItem } from '../api/types';
import { customersApi } from '../api/customers';
import { returnsApi } from '../api/returns';
import { PageHeader } from '../components/PageHeader';
import { RemoteSelect } from '../components/RemoteSelect';
import { ServerTable } from '../components/ServerTable';
import { yuan } from '../format';
import { DateRangeFilter, useUrlFilters } from './listFilters';

export const RETURN_STATUSES = [
  'requested',
  'approved',
  'rejected',
  'awaiting_goods',
  'received',
  'inspected',
  'refund_pending',
  'exchange',
  'refunded',
  'closed',
];

/**
 * 退货单 list: newest first, filtered by status, customer and request date, and searched by return or order
 * number or customer; the export holds what the filter shows. A return is requested from its order's page.
 */
export function ReturnsPage() {
  const { t } = useTranslation();
  // The filters live in the address, so a 工作台 card opens the list already filtered.
  const { get, set } = useUrlFilters();
  const filters = { status: get('status'), customer: get('customer'), from: get('from'), to: get('to') };
  return (
    <>
      <PageHeader />
      <ServerTable<ReturnListItem>
        url={returnsApi.listUrl}
        rowKey="id"
        testId="returns"
        filters={filters}
        exportUrl={returnsApi.exportUrl}
        exportFiltered
        empty={t('lists.returnsEmpty')}
        searchPlaceholder={t('returnsList.search')}
        toolbar={
          <Space wrap>
            <Select
              allowClear
              style={{ width: 160 }}
              placeholder={t('order.status')}
              value={filters.status}
              onChange={(v?: string) => set({ status: v })}
              options={RETURN_STATUSES.map((s) => ({ value: s, label: t(`returns.status.${s}`) }))}
            />
            <RemoteSelect<Customer>
              url={customersApi.listUrl}
              label={(c) => `${c.shortCode} ${c.name}`}
              placeholder={t('lists.customer')}
              allowClear
              style={{ width: 200 }}
              value={filters.customer}
              onChange={(v) => set({ customer: v })}
            />
            <DateRangeFilter from={filters.from} to={filters.to} onChange={(from, to) => set({ from, to })} />
          </Space>
        }
        columns={[
          {
            title: t('returns.number'),
            dataIndex: 'number',
            render: (n: string, r) => <Link to={`/returns/${r.id}`}>{n}</Link>,
          },
          {
            title: t('returns.order'),
            dataIndex: 'orderNumber',
            render: (n: string, r) => <Link to={`/orders/${r.orderId}`}>{n}</Link>,
          },
          { title: t('returns.customer'), dataIndex: 'customerName' },
          {
            title: t('order.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag data-testid="return-status">{t(`returns.status.${s}`)}</Tag>,
          },
          {
            title: t('returns.refund'),
            dataIndex: 'refundAmount',
            align: 'right',
            render: (v: string | null) => (v ? yuan(v) : ''),
          },
          {
            title: t('returns.createdAt'),
            dataIndex: 'createdAt',
            render: (d: string) => dayjs(d).format('YYYY-MM-DD HH:mm'),
          },
        ]}
      />
    </>
  );
}
