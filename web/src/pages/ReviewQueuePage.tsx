import { App, Button, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { QueueItem } from '../api/types';

/** 审核队列: orders waiting for my stages; claim a batch so nobody else works them. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<QueueItem[]>([]);
  const load = useCallback(async () => setItems(await api.get<QueueItem[]>('/api/review-queue')), []);
  useEffect(() => void load(), [load]);
  return (
    <>
      <Typography.Title level={4}>{t('menu.review')}</Typography.Title>
      <Space style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          onClick={async () => {
            const r = await api.post<{ claimed: number }>('/api/review-queue/claim', {});
            message.success(`${t('order.claimed')} ${r.claimed}`);
            await load();
          }}
        >
          {t('order.claim')}
        </Button>
        <Button
          onClick={async () => {
            await api.post('/api/review-queue/release', {});
            await load();
          }}
        >
          {t('order.release')}
        </Button>
      </Space>
      <Table<QueueItem>
        rowKey="orderId"
        dataSource={items}
        data-testid="review-queue"
        size="middle"
        columns={[
          {
            title: t('order.number'),
            dataIndex: 'number',
            render: (n: string, q) => <Link to={`/orders/${q.orderId}`}>{n}</Link>,
          },
          { title: t('order.customer'), dataIndex: 'customerName' },
          { title: t('order.total'), dataIndex: 'total', align: 'right' },
          { title: t('order.stages'), dataIndex: 'stage', render: (s: string) => t(`stage.${s}`) },
          {
            title: t('order.due'),
            dataIndex: 'dueAt',
            render: (d: string, q) => (
              <span style={{ color: q.late ? 'red' : undefined }}>{d ? new Date(d).toLocaleString() : ''}</span>
            ),
          },
          {
            title: '',
            key: 'flags',
            render: (_: unknown, q) => (
              <>
                {q.urgency === 'urgent' && <Tag color="red">{t('order.urgent')}</Tag>}
                {q.claimedByMe && <Tag color="blue">{t('order.claimed')}</Tag>}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
