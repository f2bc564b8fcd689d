import { Button, Select, Switch, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Order } from '../api/types';
import { ServerTable } from '../components/ServerTable';
import { StatusTag } from '../components/StatusTag';
import { useSession } from '../auth/session';

const STATUSES = ['draft', 'in_review', 'rejected', 'awaiting_confirmation', 'confirmed', 'cancelled'];

export function OrdersPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const registrar = can('sales_assistant');
  const [status, setStatus] = useState<string>();
  const [mine, setMine] = useState(registrar);

  return (
    <>
      <Typography.Title level={4}>{t('menu.orders')}</Typography.Title>
      <ServerTable<Order>
        testId="orders-table"
        url="/api/orders"
        rowKey="id"
        filters={{ status, mine: mine ? 'true' : undefined, sort: undefined }}
        toolbar={
          <Space>
            <Space>
              <Switch checked={mine} onChange={setMine} />
              {t('order.mine')}
            </Space>
            <Select
              allowClear
              placeholder={t('order.status')}
              style={{ width: 150 }}
              value={status}
              onChange={setStatus}
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
