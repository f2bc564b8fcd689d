import { Alert, Button, Card, Col, Row, Space, Table, Tag, Upload } from 'antd';
import { FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ordersApi, type OrderReview } from '../api/orders';
import { returnsApi } from '../api/returns';
import { archiveApi } from '../api/archive';
import type { Checks, HistoryRow, Order, ReturnHistoryRow, Stage } from '../api/types';
import { PageHeader } from '../components/PageHeader';
import { StatusTag } from '../components/StatusTag';
import { OrderActions } from './OrderActions';
import { OrderFulfilment } from './OrderFulfilment';
import { OrderChanges } from './OrderChanges';
import { OrderReturns } from './OrderReturns';
import { OrderSummary } from './order-detail/OrderSummary';
import { OrderAttachments } from './order-detail/OrderAttachments';
import { OrderTimeline } from './order-detail/OrderTimeline';
import { OrderChecks, QualificationAlert } from './order-detail/OrderChecks';
import { dateTime } from './order-detail/dates';
import { OrderSampleApproval } from './order-detail/OrderSampleApproval';

/** 订单详情: every field, the checks, the files, the fulfilment and the history; actions as the server allows. */
export function OrderDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [order, setOrder] = useState<Order>();
  const [history, setHistory] = useState<HistoryRow[]>([]);
  const [returnHistory, setReturnHistory] = useState<ReturnHistoryRow[]>([]);
  const [review, setReview] = useState<OrderReview>({ stages: [], productionRequests: [] });
  const [checks, setChecks] = useState<Checks>();
  const [reloads, setReloads] = useState(0);
  const [requesting, setRequesting] = useState(false);

  const load = useCallback(async () => {
    const [o, h, r, c] = await Promise.all([
      ordersApi.get(id!),
      ordersApi.history(id!),
      ordersApi.review(id!),
      ordersApi.checks(id!),
    ]);
    setOrder(o);
    setHistory(h);
    setReview(r);
    setChecks(c);
    setReloads((n) => n + 1);
    setReturnHistory(await returnsApi.orderHistory(id!));
  }, [id]);
  useEffect(() => void load(), [load]);
  if (!order) return null;

  const current = review.stages.find((s) => s.round === order.reviewRound && s.status === 'pending' && s.startedAt);
  return (
    <>
      {/* The heading carries the order's number and status (order-number) for whoever reads the page. */}
      <div data-testid="order-number">
        <PageHeader
          title={order.number}
          tags={
            <>
              <StatusTag status={order.status} />
              {order.archivedAt && (
                <Tag color="default" data-testid="order-archived">
                  {t('archive.archived')}
                </Tag>
              )}
            </>
          }
          extra={
            <OrderActions
              order={order}
              current={current}
              onChanged={load}
              onRequestChange={() => setRequesting(true)}
            />
          }
        />
      </div>
      <OrderChanges order={order} requesting={requesting} onRequestClosed={() => setRequesting(false)} />
      <QualificationAlert order={order} checks={checks} />
      {order.archivedAt && (
        <Alert
          type="info"
          style={{ marginTop: 12 }}
          title={t('archive.archivedHint', { at: dateTime(order.archivedAt) })}
          data-testid="archived-hint"
        />
      )}
      {order.writtenConfirmationMissing && (
        <Alert
          type="warning"
          style={{ marginTop: 12 }}
          title={t('order.writtenMissing')}
          action={
            <Upload
              showUploadList={false}
              customRequest={async ({ file }) => {
                const body = new FormData();
                body.append('kind', 'written_confirmation');
                body.append('file', file as Blob);
                await ordersApi.attach(order.id, body);
                await load();
              }}
            >
              <Button size="small" icon={<UploadOutlined />}>
                {t('order.uploadWritten')}
              </Button>
            </Upload>
          }
        />
      )}
      {order.shortClosedAt && (
        <Alert
          type="info"
          style={{ marginTop: 12 }}
          data-testid="short-closed"
          title={t('special.shortClosedNote', { amount: order.closedAmount, reason: order.shortCloseReason ?? '' })}
        />
      )}
      {order.replacement && (
        <Alert
          type="warning"
          style={{ marginTop: 12 }}
          data-testid="replacement-facts"
          title={t('special.replacementNote', {
            fault: order.replacement.faultParty ? t(`special.party.${order.replacement.faultParty}`) : '',
            bearer: order.replacement.costBearer ? t(`special.party.${order.replacement.costBearer}`) : '',
            reason: order.replacement.reason ?? '',
          })}
        />
      )}
      {current && (
        <Alert
          style={{ marginTop: 12 }}
          type={current.late ? 'error' : 'info'}
          data-testid="current-stage"
          title={
            `${t('orderPage.labelled', { label: t('order.currentStage'), text: t(`stage.${current.stage}`) })} · ` +
            `${t('order.due')} ${dateTime(current.dueAt)}${current.late ? ` · ${t('order.late')}` : ''}`
          }
        />
      )}
      <OrderSummary order={order} />
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          {checks && (
            <OrderChecks
              order={order}
              checks={checks}
              productionRequests={review.productionRequests}
              onChanged={load}
            />
          )}
          <OrderSampleApproval order={order} />
          <OrderFulfilment order={order} onChanged={load} />
          <OrderReturns order={order} />
          <Card size="small" title={t('order.stages')} style={{ marginTop: 16 }}>
            <Table
              size="small"
              rowKey={(s) => `${s.round}-${s.seq}`}
              pagination={false}
              dataSource={review.stages}
              columns={[
                { title: '#', dataIndex: 'round', width: 40 },
                { title: t('order.stages'), dataIndex: 'stage', render: (s: string) => t(`stage.${s}`) },
                { title: t('order.status'), dataIndex: 'status', render: (s: string) => t(`status.${s}`) },
                { title: t('stock.by'), dataIndex: 'decidedByName' },
                {
                  title: t('order.due'),
                  dataIndex: 'dueAt',
                  render: (d: string, s: Stage) => (
                    <span style={{ color: s.late ? 'red' : undefined }}>{dateTime(d)}</span>
                  ),
                },
              ]}
            />
          </Card>
          <Space style={{ marginTop: 16 }} wrap>
            {(['registration', 'review', 'confirmation'] as const).map((f) => (
              <Button key={f} href={ordersApi.printUrl(order.id, f)} target="_blank">
                {t('order.print')} {t(`order.${f}Form`)}
              </Button>
            ))}
            <Button href={archiveApi.dossierUrl(order.id)} icon={<FilePdfOutlined />} data-testid="dossier-pdf">
              {t('archive.dossier')}
            </Button>
          </Space>
        </Col>
        <Col xs={24} lg={12}>
          <OrderTimeline history={history} returns={returnHistory} />
          <OrderAttachments order={order} reloadKey={reloads} onChanged={load} />
        </Col>
      </Row>
    </>
  );
}
