import { Alert, Button, Card, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { changes, yuan, type ChangeRequest, type OrderVersionItem } from '../api/changes';
import type { Order } from '../api/types';
import { ChangeRequestForm } from './ChangeRequestForm';
import { CHANGE_STATUS_COLORS } from './ChangeRequestPage';
import { OrderVersionCompare } from './OrderVersionCompare';

/**
 * The order's changes (订单变更): the 申请变更 form, the "change awaiting customer" mark, the change requests
 * and the versions of the order.
 */
export function OrderChanges({
  order,
  requesting,
  onRequestClosed,
}: {
  order: Order;
  /** The 申请变更 form is open (its button is among the order's actions in the page header). */
  requesting: boolean;
  onRequestClosed: () => void;
}) {
  const { t } = useTranslation();
  const [versions, setVersions] = useState<OrderVersionItem[]>([]);
  const [requests, setRequests] = useState<ChangeRequest[]>([]);
  const [compare, setCompare] = useState<[number, number] | null>(null);
  useEffect(() => {
    void changes.versions(order.id).then((v) => setVersions(v.items));
    void changes.list({ order: order.id }).then((r) => setRequests(r.items));
  }, [order.id, order.version]);
  const pending = requests.find((r) => r.number === order.pendingChange);
  /** A clicked version is compared with the current one (the current one with the version before it). */
  const compareFrom = (n: number) => {
    const current = versions.find((v) => v.current)?.version ?? n;
    const older = versions.filter((v) => v.version < current).at(-1)?.version ?? current;
    setCompare(n === current ? [older, current] : [n, current]);
  };
  return (
    <>
      {order.pendingChange && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          data-testid="pending-change"
          title={t('changeReq.awaitingCustomer', { number: order.pendingChange })}
          action={pending && <Link to={`/change-requests/${pending.id}`}>{t('changeReq.open')}</Link>}
        />
      )}
      {(requests.length > 0 || versions.length > 1) && (
        <Card size="small" style={{ marginTop: 12 }} title={t('changeReq.versions')} data-testid="order-versions">
          <Space wrap>
            {versions.map((v) => (
              <Tag
                key={v.version}
                color={v.current ? 'blue' : undefined}
                style={{ cursor: 'pointer' }}
                data-testid={`order-version-${v.version}`}
                onClick={() => compareFrom(v.version)}
              >
                V{v.version} · {yuan(v.total)}
                {v.changeNumber ? ` · ${v.changeNumber}` : ''}
              </Tag>
            ))}
            {versions.length > 1 && (
              <Button
                size="small"
                data-testid="order-versions-compare"
                onClick={() => compareFrom(versions.find((v) => v.current)?.version ?? versions[0].version)}
              >
                {t('changeReq.compare')}
              </Button>
            )}
          </Space>
          <Table<ChangeRequest>
            style={{ marginTop: 8 }}
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={requests}
            columns={[
              {
                title: t('changeReq.number'),
                dataIndex: 'number',
                render: (n: string, c) => <Link to={`/change-requests/${c.id}`}>{n}</Link>,
              },
              {
                title: t('order.status'),
                dataIndex: 'status',
                render: (s: string) => <Tag color={CHANGE_STATUS_COLORS[s]}>{t(`changeReq.status.${s}`)}</Tag>,
              },
              { title: t('changeReq.reason'), dataIndex: 'reason' },
            ]}
          />
        </Card>
      )}
      <ChangeRequestForm order={order} open={requesting} onClose={onRequestClosed} />
      <OrderVersionCompare orderId={order.id} versions={versions} pair={compare} onClose={() => setCompare(null)} />
    </>
  );
}
