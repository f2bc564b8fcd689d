import { Table, Tag, Typography, Segmented } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';

type Reservation = {
  id: string;
  customerCode: string;
  customerName: string;
  orderId: string;
  orderNumber: string;
  sku: string;
  qty: number;
  unitPrice: string;
  expiresOn: string;
  status: string;
  daysLeft: number | null;
};

export function ReservationsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState('held');
  const [rows, setRows] = useState<Reservation[]>([]);
  useEffect(() => void api.get<Reservation[]>('/api/allocation/reservations', { status }).then(setRows), [status]);
  return (
    <>
      <Typography.Title level={4}>{t('menu.reservations')}</Typography.Title>
      <Segmented
        value={status}
        onChange={(v) => setStatus(String(v))}
        options={['held', 'converted', 'expired']}
        style={{ marginBottom: 12 }}
      />
      <Table<Reservation>
        rowKey="id"
        size="middle"
        dataSource={rows}
        data-testid="reservations"
        columns={[
          {
            title: t('alloc.franchisee'),
            dataIndex: 'customerName',
            render: (n: string, r) => `${r.customerCode} ${n}`,
          },
          {
            title: t('order.number'),
            dataIndex: 'orderNumber',
            render: (n: string, r) => <Link to={`/orders/${r.orderId}`}>{n}</Link>,
          },
          { title: 'SKU', dataIndex: 'sku' },
          { title: t('order.qty'), dataIndex: 'qty', align: 'right' },
          { title: t('order.unitPrice'), dataIndex: 'unitPrice', align: 'right' },
          { title: t('alloc.expiresOn'), dataIndex: 'expiresOn' },
          {
            title: t('alloc.daysLeft'),
            dataIndex: 'daysLeft',
            render: (d: number | null) => (d === null ? '' : <Tag color={d <= 3 ? 'red' : 'blue'}>{d}</Tag>),
          },
        ]}
      />
    </>
  );
}
