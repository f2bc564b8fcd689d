import { App, Button, Table, Tag, Segmented } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { allocationApi, type Reservation, type ReservationStatus } from '../api/allocation';
import { PageHeader } from '../components/PageHeader';

export function ReservationsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ReservationStatus>('held');
  const { message } = App.useApp();
  const [rows, setRows] = useState<Reservation[]>([]);
  const load = useCallback(async () => setRows(await allocationApi.reservations(status)), [status]);
  useEffect(() => void load(), [load]);
  const release = async (r: Reservation) => {
    try {
      await allocationApi.release(r.id);
      message.success(t('common.saved'));
      await load();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <>
      <PageHeader />
      <Segmented
        value={status}
        onChange={(v) => setStatus(v as ReservationStatus)}
        options={['held', 'converted', 'expired', 'released'].map((s) => ({
          value: s,
          label: t(`allocLifecycle.${s}`),
        }))}
        style={{ marginBottom: 12 }}
      />
      <Table<Reservation>
        rowKey="id"
        size="middle"
        dataSource={rows}
        data-testid="reservations"
        locale={{ emptyText: t('emptyHint.reservations') }}
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
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r) =>
              r.actions.includes('release') && (
                <Button size="small" danger data-testid="reservation-release" onClick={() => release(r)}>
                  {t('allocLifecycle.release')}
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}
