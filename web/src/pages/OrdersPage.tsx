import { Button, Select, Switch, Space } from 'antd';
import { PageHeader } from '../components/PageHeader';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Order } from '../api/types';
import { ServerTable } from '../components/ServerTable';
import { StatusTag } from '../components/StatusTag';
import { useSession } from '../auth/session';

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

export function OrdersPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const registrar = can('sales_assistant');
  // The filters live in the address, so a 工作台 card or a shared link opens the list already filtered.
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? undefined;
  const mine = params.has('mine') ? params.get('mine') === 'true' : registrar;
  const setFilter = (key: 'status' | 'mine', value: string | undefined) =>
    setParams(
      (p) => {
        if (value === undefined) p.delete(key);
        else p.set(key, value);
        return p;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader />
      <ServerTable<Order>
        testId="orders-table"
        url="/api/orders"
        rowKey="id"
        filters={{ status, mine: mine ? 'true' : undefined, sort: undefined }}
        toolbar={
          <Space>
            <Space>
              <Switch checked={mine} onChange={(on) => setFilter('mine', String(on))} />
              {t('order.mine')}
            </Space>
            <Select
              allowClear
              placeholder={t('order.status')}
              style={{ width: 150 }}
              value={status}
              onChange={(v?: string) => setFilter('status', v)}
              options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            />
            {registrar && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/orders/new')}
                data-testid="order-new"
              >
                {t('order.newTitle')}
              </Button>
            )}
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
          { title: t('order.total'), dataIndex: 'total', key: 'total', sorter: true, align: 'right' },
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
            render: (u: string) => (u === 'urgent' ? t('order.urgent') : ''),
          },
        ]}
      />
    </>
  );
}
