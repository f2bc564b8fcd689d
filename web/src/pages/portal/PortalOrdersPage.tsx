import { useEffect, useState } from 'react';
import { Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { yuan } from '../../format';
import { portalApi, type PortalOrder } from '../../api/portal';

/** My orders, one card each, newest first; those waiting for my confirmation say so. */
export function PortalOrdersPage() {
  const { t } = useTranslation();
  const [orders, setOrders] = useState<PortalOrder[]>();
  useEffect(() => void portalApi.orders().then(setOrders), []);
  return (
    <>
      <PageHeader title={t('portal.orders.title')} />
      {!orders && <Spin />}
      {orders?.length === 0 && <Empty description={t('portal.orders.empty')} />}
      <Flex vertical gap={8}>
        {orders?.map((o) => (
          <Link key={o.id} to={`/portal/orders/${o.id}`} data-testid="portal-order-card">
            <Card size="small" hoverable>
              <Flex justify="space-between" align="center" wrap gap={4}>
                <Typography.Text strong>{o.number}</Typography.Text>
                <Tag color={o.actions.includes('confirm') ? 'orange' : 'blue'} data-testid="portal-order-status">
                  {o.statusLabel}
                </Tag>
              </Flex>
              <Flex justify="space-between" wrap gap={4}>
                <Typography.Text type="secondary">{o.orderDate}</Typography.Text>
                <Typography.Text>{yuan(o.total)}</Typography.Text>
              </Flex>
              {o.actions.includes('confirm') && (
                <Typography.Text type="warning">{t('portal.orders.toConfirm')}</Typography.Text>
              )}
            </Card>
          </Link>
        ))}
      </Flex>
    </>
  );
}
