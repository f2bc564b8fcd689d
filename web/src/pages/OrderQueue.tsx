import { Button, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../api/client';

type Item = {
  id: string;
  number: string;
  status: string;
  customerName: string;
  paymentMethod: string;
  total: string;
  paid: string;
  toShip: number;
  backordered: number;
  expectedDeliveryDate: string | null;
  urgent: boolean;
};

/** Confirmed orders as one department sees them: the warehouse what it can ship, finance what waits for money. */
export function OrderQueue({
  queue,
  onShip,
}: {
  queue: 'warehouse' | 'finance';
  onShip?: (orderIds: string[]) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [data, setData] = useState<Page<Item>>({ items: [], total: 0, page: 1, pageSize: 20 });
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  // The queue is paged on the server, urgent orders first.
  const load = () => void api.get<Page<Item>>('/api/fulfilment/queue', { queue, ...paging }).then(setData);
  useEffect(load, [queue, paging.page, paging.pageSize]);
  const ship = async (ids: string[]) => {
    await onShip!(ids);
    setSelected([]);
    load();
  };
  return (
    <>
      {onShip && (
        // Orders to one consignee and address travel together: select them and make one outbound order.
        <Space style={{ marginBottom: 12 }}>
          <Button disabled={selected.length < 2} data-testid="merge-shipment" onClick={() => ship(selected)}>
            {t('ful.mergeShipment', { count: selected.length })}
          </Button>
        </Space>
      )}
      <Table<Item>
        rowKey="id"
        size="middle"
        dataSource={data.items}
        pagination={{
          current: data.page,
          pageSize: data.pageSize,
          total: data.total,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(p) => setPaging({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
        data-testid={`queue-${queue}`}
        rowSelection={
          onShip ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined
        }
        columns={[
          {
            title: t('order.number'),
            dataIndex: 'number',
            render: (n: string, i) => (
              <>
                <Link to={`/orders/${i.id}`}>{n}</Link>
                {i.urgent && <Tag color="red">{t('order.urgent')}</Tag>}
              </>
            ),
          },
          { title: t('order.customer'), dataIndex: 'customerName' },
          { title: t('order.expectedDeliveryDate'), dataIndex: 'expectedDeliveryDate' },
          {
            title: t('order.paymentMethod'),
            dataIndex: 'paymentMethod',
            render: (m: string) => t(`enums.paymentMethod.${m}`),
          },
          queue === 'warehouse'
            ? { title: t('ful.toShip'), dataIndex: 'toShip', align: 'right' }
            : {
                title: `${t('ful.paid')} / ${t('order.total')}`,
                key: 'p',
                render: (_: unknown, i: Item) => `¥${i.paid} / ¥${i.total}`,
              },
          ...(onShip
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  render: (_: unknown, i: Item) => (
                    <Button size="small" onClick={() => ship([i.id])}>
                      {t('ful.createShipment')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
