import { Button, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';

type Item = { id: string; number: string; status: string; customerName: string; paymentMethod: string; total: string; paid: string; toShip: number; backordered: number; expectedDeliveryDate: string | null; urgent: boolean };

/** Confirmed orders as one department sees them: the warehouse what it can ship, finance what waits for money. */
export function OrderQueue({ queue, onShip }: { queue: 'warehouse' | 'finance'; onShip?: (orderId: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Item[]>([]);
  const load = () => void api.get<Item[]>('/api/fulfilment/queue', { queue }).then(setItems);
  useEffect(load, [queue]);
  return (
    <Table<Item> rowKey="id" size="middle" dataSource={items} data-testid={`queue-${queue}`} columns={[
      { title: t('order.number'), dataIndex: 'number', render: (n: string, i) => <><Link to={`/orders/${i.id}`}>{n}</Link>{i.urgent && <Tag color="red">{t('order.urgent')}</Tag>}</> },
      { title: t('order.customer'), dataIndex: 'customerName' },
      { title: t('order.expectedDeliveryDate'), dataIndex: 'expectedDeliveryDate' },
      { title: t('order.paymentMethod'), dataIndex: 'paymentMethod', render: (m: string) => t(`enums.paymentMethod.${m}`) },
      queue === 'warehouse' ? { title: t('ful.toShip'), dataIndex: 'toShip', align: 'right' } : { title: `${t('ful.paid')} / ${t('order.total')}`, key: 'p', render: (_: unknown, i: Item) => `¥${i.paid} / ¥${i.total}` },
      ...(onShip ? [{ title: t('common.actions'), key: 'a', render: (_: unknown, i: Item) => <Button size="small" onClick={async () => { await onShip(i.id); load(); }}>{t('ful.createShipment')}</Button> }] : []),
    ]} />
  );
}
