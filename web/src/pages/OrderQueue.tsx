import { Button, Checkbox, Empty, List, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Page } from '../api/client';
import { shippingApi, type QueueItem as Item } from '../api/shipping';
import { yuan } from '../format';
import { BIG, OpsCard, usePhone } from './ops/phone';

/** Confirmed orders as one department sees them: the warehouse what it can ship, finance what waits for money. */
export function OrderQueue({
  queue,
  onShip,
}: {
  queue: 'warehouse' | 'finance';
  onShip?: (orderIds: string[]) => Promise<void>;
}) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [data, setData] = useState<Page<Item>>({ items: [], total: 0, page: 1, pageSize: 20 });
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  // The queue is paged on the server, urgent orders first.
  const load = () => void shippingApi.queue({ queue, ...paging }).then(setData);
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
          <Button
            disabled={selected.length < 2}
            data-testid="merge-shipment"
            onClick={() => ship(selected)}
            {...(phone ? BIG : {})}
          >
            {t('ful.mergeShipment', { count: selected.length })}
          </Button>
        </Space>
      )}
      {phone ? (
        // On a phone each order is a card: tick it to merge, or make its outbound order with one big button.
        <List<Item>
          dataSource={data.items}
          rowKey="id"
          data-testid={`queue-${queue}`}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ops.empty.queue')} /> }}
          pagination={{
            current: data.page,
            pageSize: data.pageSize,
            total: data.total,
            simple: true,
            size: 'small',
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
          renderItem={(i) => (
            <List.Item style={{ padding: '0 0 8px', borderBlockEnd: 'none' }}>
              <OpsCard
                testId="queue-card"
                title={
                  <>
                    <Link to={`/orders/${i.id}`}>{i.number}</Link>
                    {i.urgent && <Tag color="red">{t('order.urgent')}</Tag>}
                  </>
                }
                fields={[
                  { label: t('order.customer'), value: i.customerName },
                  { label: t('order.expectedDeliveryDate'), value: i.expectedDeliveryDate ?? '' },
                  { label: t('order.paymentMethod'), value: t(`enums.paymentMethod.${i.paymentMethod}`) },
                  queue === 'warehouse'
                    ? { label: t('ful.toShip'), value: i.toShip }
                    : { label: `${t('ful.paid')} / ${t('order.total')}`, value: `${yuan(i.paid)} / ${yuan(i.total)}` },
                ]}
                actions={
                  onShip && (
                    <>
                      <Checkbox
                        checked={selected.includes(i.id)}
                        onChange={(e) =>
                          setSelected(e.target.checked ? [...selected, i.id] : selected.filter((x) => x !== i.id))
                        }
                        style={{ minHeight: 44, alignItems: 'center' }}
                      >
                        {t('ops.select')}
                      </Checkbox>
                      <Button type="primary" {...BIG} data-testid="queue-create-shipment" onClick={() => ship([i.id])}>
                        {t('ful.createShipment')}
                      </Button>
                    </>
                  )
                }
              />
            </List.Item>
          )}
        />
      ) : (
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
                  render: (_: unknown, i: Item) => `${yuan(i.paid)} / ${yuan(i.total)}`,
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
      )}
    </>
  );
}
