import { Alert, Card, Col, Descriptions, Row, Space, Table, Tag, Timeline, Typography, Upload, Button } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone, UploadOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Checks, HistoryRow, Order, ProductionRequest, ReturnHistoryRow, Stage } from '../api/types';
import { StatusTag } from '../components/StatusTag';
import { useSession } from '../auth/session';
import { OrderActions } from './OrderActions';
import { OrderFulfilment } from './OrderFulfilment';
import { OrderChanges } from './OrderChanges';
import { OrderReturns, returnTimelineItem } from './OrderReturns';

const when = (s: string | null) => (s ? new Date(s).toLocaleString() : '');
const Ok = ({ ok }: { ok: boolean }) =>
  ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />;

export function OrderDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [order, setOrder] = useState<Order>();
  const [history, setHistory] = useState<HistoryRow[]>([]);
  const [returnHistory, setReturnHistory] = useState<ReturnHistoryRow[]>([]);
  const [review, setReview] = useState<{ stages: Stage[]; productionRequests: ProductionRequest[] }>({
    stages: [],
    productionRequests: [],
  });
  const [checks, setChecks] = useState<Checks>();
  const { can } = useSession();

  const load = useCallback(async () => {
    const [o, h, r, c] = await Promise.all([
      api.get<Order>(`/api/orders/${id}`),
      api.get<HistoryRow[]>(`/api/orders/${id}/history`),
      api.get<typeof review>(`/api/orders/${id}/review`),
      api.get<Checks>(`/api/orders/${id}/checks`),
    ]);
    setOrder(o);
    setHistory(h);
    setReview(r);
    setChecks(c);
    setReturnHistory(await api.get<ReturnHistoryRow[]>('/api/returns/history', { order: id }));
  }, [id]);
  useEffect(() => void load(), [load]);
  if (!order) return null;

  const current = review.stages.find((s) => s.round === order.reviewRound && s.status === 'pending' && s.startedAt);
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="order-number">
          {order.number} <StatusTag status={order.status} />
        </Typography.Title>
        <OrderActions order={order} current={current} onChanged={load} />
      </Space>
      <OrderChanges order={order} />
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
                await api.post(`/api/orders/${order.id}/attachments`, body);
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
            `${t('order.currentStage')}：${t(`stage.${current.stage}`)} · ` +
            `${t('order.due')} ${when(current.dueAt)}${current.late ? ` · ${t('order.late')}` : ''}`
          }
        />
      )}
      <Descriptions
        style={{ marginTop: 16 }}
        size="small"
        bordered
        column={{ xs: 1, md: 3 }}
        items={[
          { label: t('order.customer'), children: order.customer.name },
          { label: t('order.orderDate'), children: order.orderDate },
          { label: t('order.expectedDeliveryDate'), children: order.expectedDeliveryDate },
          { label: t('order.source'), children: t(`enums.orderSource.${order.source}`) },
          { label: t('order.orderType'), children: t(`enums.orderType.${order.orderType}`) },
          { label: t('order.paymentMethod'), children: t(`enums.paymentMethod.${order.paymentMethod}`) },
          {
            label: t('order.consignee'),
            children: order.delivery ? `${order.delivery.consignee} ${order.delivery.phone ?? ''}` : '',
          },
          { label: t('order.address'), children: order.delivery?.address },
          { label: t('order.total'), children: <b data-testid="order-total">¥{order.total}</b> },
        ]}
      />
      <Table
        style={{ marginTop: 16 }}
        size="small"
        rowKey="lineNo"
        pagination={false}
        dataSource={order.lines}
        data-testid="order-lines"
        columns={[
          { title: 'SKU', dataIndex: 'sku' },
          { title: t('order.product'), dataIndex: 'name' },
          { title: t('order.qty'), dataIndex: 'qty', align: 'right' },
          { title: t('order.unitPrice'), dataIndex: 'unitPrice', align: 'right' },
          { title: t('order.amount'), dataIndex: 'amount', align: 'right' },
          {
            title: t('order.gift'),
            dataIndex: 'gift',
            render: (g: boolean) => (g ? <Tag>{t('order.gift')}</Tag> : null),
          },
          { title: t('order.reserved'), dataIndex: 'reserved', align: 'right' },
          { title: t('order.backordered'), dataIndex: 'backordered', align: 'right' },
          ...(order.shortClosedAt
            ? [{ title: t('special.closedQty'), dataIndex: 'closedQty', align: 'right' as const }]
            : []),
        ]}
      />
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          {checks && (
            <Card size="small" title={t('order.checks')} data-testid="order-checks">
              <p>
                <Ok ok={checks.completeness.ok} /> {t('order.completeness')} {checks.completeness.missing.join(', ')}
              </p>
              <p data-testid="check-qualification">
                <Ok ok={checks.qualification.ok} /> {t('order.qualification')} ({checks.qualification.documents})
                {!checks.qualification.ok &&
                  can('sales_assistant', 'sales_director', 'finance', 'credit_controller') && (
                    // A new customer's licence is uploaded from here, where the missing check is seen.
                    <Upload
                      showUploadList={false}
                      customRequest={async ({ file }) => {
                        const body = new FormData();
                        body.append('kind', 'business_licence');
                        body.append('file', file as Blob);
                        await api.post(`/api/customers/${order.customer.id}/documents`, body);
                        await load();
                      }}
                    >
                      <Button size="small" type="link" icon={<UploadOutlined />} data-testid="upload-qualification">
                        {t('order.uploadQualification')}
                      </Button>
                    </Upload>
                  )}
              </p>
              <p>
                <Ok ok={checks.credit.ok} /> {t('order.credit')}: {t('order.limit')} ¥{checks.credit.limit} ·{' '}
                {t('order.used')} ¥{checks.credit.used} · {t('order.total')} ¥{checks.credit.thisOrder}
              </p>
              <p>
                <Ok ok={checks.stock.ok} /> {t('order.stock')}:{' '}
                {checks.stock.lines
                  .map(
                    (l) =>
                      `${l.sku} ${t('order.available')} ${l.available}` +
                      (l.shortage ? ` ${t('order.shortage')} ${l.shortage}` : ''),
                  )
                  .join('；')}
              </p>
              <p>
                <Ok ok={checks.margin.ok} /> {t('order.margin')} ¥{checks.margin.margin}
              </p>
              {review.productionRequests.map((p) => (
                <p key={p.id}>
                  <StatusTag status={p.status} /> {p.sku} × {p.qty} {p.completionDate ?? p.reason ?? ''}
                </p>
              ))}
            </Card>
          )}
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
                  render: (d: string, s: Stage) => <span style={{ color: s.late ? 'red' : undefined }}>{when(d)}</span>,
                },
              ]}
            />
          </Card>
          <Space style={{ marginTop: 16 }}>
            {(['registration', 'review', 'confirmation'] as const).map((f) => (
              <Button key={f} href={`/api/orders/${order.id}/forms/${f}`} target="_blank">
                {t('order.print')} {t(`order.${f}Form`)}
              </Button>
            ))}
          </Space>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('order.history')} data-testid="order-history">
            <Timeline
              items={[
                ...history.map((h) => ({
                  at: h.at,
                  children: (
                    <>
                      <b>{t(`event.${h.event}`, { defaultValue: h.event })}</b>{' '}
                      {h.from ? `${t(`status.${h.from}`)} → ` : ''}
                      {t(`status.${h.to}`)} · {h.actorName} · {when(h.at)}
                      {h.reason && h.event !== 'approve_stage' && h.event !== 'approve_final' ? ` · ${h.reason}` : ''}
                    </>
                  ),
                })),
                ...returnHistory.map((h) => returnTimelineItem(h, t)),
              ]
                .sort((x, y) => x.at.localeCompare(y.at))
                .map(({ at: _at, ...item }) => item)}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
