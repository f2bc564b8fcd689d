import { Badge, Card, Col, Empty, List, Row, Statistic, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { workbenchApi, type Workbench } from '../api/workbench';
import { useSession } from '../auth/session';
import { yuan } from '../format';
import { useNoticeText } from './NotificationsPage';
import { PageHeader } from '../components/PageHeader';
import { BackupCard } from './home/BackupCard';
import { LastMonthCard } from './home/LastMonthCard';
import dayjs from 'dayjs';

/** 工作台: the user's to-dos by role, each opening its list; the latest notifications; the month for managers. */
export function HomePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const text = useNoticeText();
  const [data, setData] = useState<Workbench>();
  useEffect(() => void workbenchApi.get().then(setData), []);
  return (
    <>
      <PageHeader
        title={t('common.welcome', { name: me?.user.displayName })}
        subTitle={
          <>
            {me?.company?.name} ·{' '}
            {me?.roles.map((r) => (
              <Tag key={r}>{t(`enums.role.${r}`)}</Tag>
            ))}
          </>
        }
      />
      {data?.month && (
        <Card title={t('home.month')} size="small" style={{ marginBottom: 16 }} data-testid="month">
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Statistic title={t('home.orders')} value={data.month.orders} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('home.value')} value={yuan(data.month.value)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('home.completed')} value={data.month.completed} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('home.collected')} value={yuan(data.month.collected)} />
            </Col>
          </Row>
        </Card>
      )}
      {me?.roles.some((r) => r === 'sales_director' || r === 'general_manager') && <LastMonthCard />}
      {data?.backup && (data.backup.scheduled || data.backup.lastSuccess || data.backup.lastFailure) && (
        <BackupCard backup={data.backup} />
      )}
      <Typography.Title level={5}>{t('home.todos')}</Typography.Title>
      {data && data.todos.length === 0 && <Empty description={t('home.noTodos')} />}
      <Row gutter={[16, 16]} data-testid="todos">
        {data?.todos.map((d) => (
          <Col key={d.key} xs={12} md={8} lg={6}>
            <Link to={d.path} data-testid={`todo-${d.key}`}>
              <Card hoverable size="small">
                <Statistic title={t(`home.todo.${d.key}`)} value={d.count} />
                {!!d.late && (
                  <Badge status="error" text={t('home.late', { count: d.late })} data-testid={`late-${d.key}`} />
                )}
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('home.notifications')} {!!data?.notifications.unread && <Badge count={data.notifications.unread} />}
      </Typography.Title>
      <List
        size="small"
        bordered
        dataSource={data?.notifications.items ?? []}
        locale={{ emptyText: t('home.noNotifications') }}
        footer={<Link to="/notifications">{t('home.allNotifications')}</Link>}
        renderItem={(n) => (
          <List.Item extra={dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}>
            <Badge dot={!n.readAt} />
            &nbsp;{n.orderId ? <Link to={`/orders/${n.orderId}`}>{text(n)}</Link> : text(n)}
          </List.Item>
        )}
      />
    </>
  );
}
