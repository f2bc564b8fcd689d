import { Badge, Button, List, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Notice } from '../api/types';

export function useNoticeText() {
  const { t } = useTranslation();
  return (n: Notice) =>
    t(`notice.${n.kind}`, { ...n.params, stage: n.params.stage ? t(`stage.${n.params.stage}`) : '' });
}

export function NotificationsPage() {
  const { t } = useTranslation();
  const text = useNoticeText();
  const [data, setData] = useState<{ unread: number; items: Notice[] }>({ unread: 0, items: [] });
  const load = useCallback(async () => setData(await api.get('/api/notifications', { limit: 100 })), []);
  useEffect(() => void load(), [load]);
  return (
    <>
      <Typography.Title level={4}>
        {t('menu.notifications')} <Badge count={data.unread} />
      </Typography.Title>
      <Button
        onClick={async () => {
          await api.post('/api/notifications/read', { all: true });
          await load();
        }}
      >
        {t('order.markAllRead')}
      </Button>
      <List
        style={{ marginTop: 12 }}
        dataSource={data.items}
        data-testid="notifications"
        renderItem={(n) => (
          <List.Item extra={new Date(n.createdAt).toLocaleString()}>
            <Badge dot={!n.readAt} />
            &nbsp;{n.orderId ? <Link to={`/orders/${n.orderId}`}>{text(n)}</Link> : text(n)}
          </List.Item>
        )}
      />
    </>
  );
}
