import { Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { reviewApi } from '../api/review';
import type { QueueItem } from '../api/types';
import { PageHeader } from '../components/PageHeader';
import { ActionButton } from '../components/ActionButton';
import { yuan } from '../format';
import { dateTime } from './order-detail/dates';

/** 审核队列: orders waiting for my stages; claim a batch so nobody else works them. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const [items, setItems] = useState<QueueItem[]>([]);
  const load = useCallback(async () => setItems(await reviewApi.queue()), []);
  useEffect(() => void load(), [load]);
  return (
    <>
      <PageHeader
        extra={
          <>
            <ActionButton
              type="primary"
              data-testid="review-claim"
              run={() => reviewApi.claim()}
              success={(r) => t('orderPage.done.claim', { count: (r as { claimed: number }).claimed })}
              onDone={load}
            >
              {t('order.claim')}
            </ActionButton>
            <ActionButton
              data-testid="review-release"
              run={() => reviewApi.release()}
              success={t('orderPage.done.release')}
              onDone={load}
            >
              {t('order.release')}
            </ActionButton>
          </>
        }
      />
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
          { title: t('order.total'), dataIndex: 'total', align: 'right', render: (v: string) => yuan(v) },
          { title: t('order.stages'), dataIndex: 'stage', render: (s: string) => t(`stage.${s}`) },
          {
            title: t('order.due'),
            dataIndex: 'dueAt',
            render: (d: string, q) => <span style={{ color: q.late ? 'red' : undefined }}>{dateTime(d)}</span>,
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
