import { Button, Select, Switch, Space } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { customersApi } from '../api/customers';
import { ordersApi } from '../api/orders';
import { productsApi } from '../api/products';
import type { Customer, Order } from '../api/types';
import { PageHeader } from '../components/PageHeader';
import { RemoteSelect } from '../components/RemoteSelect';
import { ServerTable } from '../components/ServerTable';
import { StatusTag } from '../components/StatusTag';
import { useSession } from '../auth/session';
import { yuan } from '../format';
import { DateRangeFilter, useUrlFilters } from './listFilters';
// The import dialog (upload, progress, error table) is fetched the first time someone opens it.
const OrderImportModal = lazy(() =>
  import('./order-import/OrderImportModal').then((m) => ({ default: m.OrderImportModal })),
);

const STATUSES = [
  'draft',
  'in_review',
  'rejected',
  'awaiting_confirmation',
  'confirmed',
  'in_fulfillment',
  'partially_shipped',
  'shipped',
  'delivered',
  'completed',
  'on_hold',
  'cancelled',
];

/**
 * 订单 list: filtered by status (several), customer, order date, product, salesperson and urgency; the filters
 * live in the address and the export holds what they show.
 */
export function OrdersPage() {
  const { t } = useTranslation();
  const { can, me } = useSession();
  const navigate = useNavigate();
  const registrar = can('sales_assistant');
  // Only someone whose whole job is registering starts with their own orders; everyone else sees all.
  const onlyRegistrar = !!me && me.roles.length === 1 && me.roles[0] === 'sales_assistant';
  const { get, set } = useUrlFilters();
  const mine = get('mine') !== undefined ? get('mine') === 'true' : onlyRegistrar;
  const statuses = get('status')?.split(',').filter(Boolean) ?? [];
  const [salespeople, setSalespeople] = useState<{ id: string; name: string }[]>([]);
  const [importing, setImporting] = useState(false);
  const [reload, setReload] = useState(0);
  const imported = useCallback(() => setReload((r) => r + 1), []);
  useEffect(() => void ordersApi.salespeople().then(setSalespeople), []);
  const filters = {
    status: statuses.join(',') || undefined,
    customer: get('customer'),
    from: get('from'),
    to: get('to'),
    product: get('product'),
    salesperson: get('salesperson'),
    urgency: get('urgency'),
    mine: mine ? 'true' : undefined,
  };

  return (
    <>
      <PageHeader
        extra={
          registrar && (
            <Space>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="order-import">
                {t('orderImport.action')}
              </Button>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/orders/new')}
                data-testid="order-new"
              >
                {t('lists.newOrder')}
              </Button>
            </Space>
          )
        }
      />
      {importing && (
        <Suspense fallback={null}>
          <OrderImportModal open={importing} onClose={() => setImporting(false)} onImported={imported} />
        </Suspense>
      )}
      <ServerTable<Order>
        testId="orders-table"
        url={ordersApi.listUrl}
        rowKey="id"
        filters={filters}
        reloadKey={reload}
        exportUrl={ordersApi.exportUrl({})}
        exportFiltered
        cursorPaging
        empty={t(registrar ? 'lists.ordersEmpty' : 'lists.ordersEmptyOthers')}
        toolbar={
          <Space wrap>
            <Space>
              <Switch checked={mine} onChange={(on) => set({ mine: String(on) })} data-testid="filter-mine" />
              {t('order.mine')}
            </Space>
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={t('lists.statuses')}
              style={{ minWidth: 200 }}
              value={statuses}
              onChange={(v: string[]) => set({ status: v.join(',') })}
              options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              data-testid="filter-status"
            />
            <RemoteSelect<Customer>
              url={customersApi.listUrl}
              label={(c) => `${c.shortCode} ${c.name}`}
              placeholder={t('lists.customer')}
              allowClear
              style={{ width: 200 }}
              value={filters.customer}
              onChange={(v) => set({ customer: v })}
              testId="filter-customer"
            />
            <DateRangeFilter
              from={filters.from}
              to={filters.to}
              onChange={(from, to) => set({ from, to })}
              testId="filter-dates"
            />
            <RemoteSelect<{ id: string; sku: string; name: string }>
              url={productsApi.listUrl}
              label={(p) => `${p.sku} ${p.name}`}
              placeholder={t('lists.product')}
              allowClear
              style={{ width: 200 }}
              value={filters.product}
              onChange={(v) => set({ product: v })}
              testId="filter-product"
            />
            <Select
              allowClear
              placeholder={t('lists.salesperson')}
              style={{ width: 140 }}
              value={filters.salesperson}
              onChange={(v?: string) => set({ salesperson: v })}
              options={salespeople.map((s) => ({ value: s.id, label: s.name }))}
              data-testid="filter-salesperson"
            />
            <Select
              allowClear
              placeholder={t('lists.urgency')}
              style={{ width: 120 }}
              value={filters.urgency}
              onChange={(v?: string) => set({ urgency: v })}
              options={['normal', 'urgent'].map((u) => ({ value: u, label: t(`lists.urgencyOf.${u}`) }))}
              data-testid="filter-urgency"
            />
          </Space>
        }
        columns={[
          {
            title: t('order.number'),
            dataIndex: 'number',
            key: 'number',
            sorter: true,
            render: (n: string, o: Order) => <Link to={`/orders/${o.id}`}>{n}</Link>,
          },
          { title: t('order.customer'), dataIndex: ['customer', 'name'], key: 'customer', sorter: true },
          { title: t('order.orderDate'), dataIndex: 'orderDate', key: 'orderDate', sorter: true },
          { title: t('order.expectedDeliveryDate'), dataIndex: 'expectedDeliveryDate' },
          {
            title: t('order.total'),
            dataIndex: 'total',
            key: 'total',
            sorter: true,
            align: 'right',
            render: (v: string) => yuan(v),
          },
          {
            title: t('order.status'),
            dataIndex: 'status',
            key: 'status',
            sorter: true,
            render: (s: string) => <StatusTag status={s} />,
          },
          {
            title: t('order.urgency'),
            dataIndex: 'urgency',
            render: (u: string) => (u === 'urgent' ? t('lists.urgencyOf.urgent') : ''),
          },
          { title: t('lists.salesperson'), dataIndex: ['registrar', 'name'] },
        ]}
      />
    </>
  );
}
