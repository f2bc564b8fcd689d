import { useCallback, useEffect, useState } from 'react';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { dateTime, yuan } from '../../format';
import { portalApi, type PortalOrderDetail } from '../../api/portal';
import { ShipmentCard } from './ShipmentCard';

const COMPLAINT_TYPES = ['short', 'damage', 'wrong_item', 'quality', 'late'] as const;
const RETURN_REASONS = ['quality', 'wrong_item', 'damage', 'changed_mind', 'other'] as const;

/** One of my orders: its lines, timeline, documents and shipments; confirm it, complain or ask to return. */
export function PortalOrderPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [order, setOrder] = useState<PortalOrderDetail>();
  const [form, setForm] = useState<'complaint' | 'return'>();
  const load = useCallback(() => portalApi.order(id).then(setOrder), [id]);
  useEffect(() => void load(), [load]);
  if (!order) return <Spin />;

  const confirm = async () => {
    const r = await portalApi.confirm(id);
    setOrder(r.order);
    void message.success(t(r.outcome === 'confirmed' ? 'portal.order.confirmed' : 'portal.order.escalated'));
  };
  const submit = async (v: Record<string, unknown>) => {
    if (form === 'complaint')
      await portalApi.complain({ orderId: id, type: v.type as 'damage', description: String(v.description) });
    else
      await portalApi.requestReturn({
        orderId: id,
        lines: [{ lineNo: Number(v.lineNo), qty: Number(v.qty), reason: v.reason as 'damage' }],
      });
    setForm(undefined);
    void message.success(t('portal.order.sent'));
  };
  const shipped = order.lines.some((l) => l.qty > 0) && order.shipments.length > 0;

  return (
    <>
      <PageHeader
        title={order.number}
        tags={<Tag data-testid="portal-order-status">{order.statusLabel}</Tag>}
        subTitle={yuan(order.total)}
      />
      {order.actions.includes('confirm') && (
        <Button type="primary" block size="large" onClick={() => void confirm()} data-testid="portal-confirm">
          {t('portal.order.confirm')}
        </Button>
      )}
      {order.changesAwaitingConfirmation.map((c) => (
        <Button key={c.id} block style={{ marginTop: 8 }} onClick={() => void portalApi.confirmChange(c.id).then(load)}>
          {t('portal.order.confirmChange', { number: c.number })}
        </Button>
      ))}
      <Card size="small" title={t('portal.order.lines')} style={{ marginTop: 12 }}>
        {order.lines.map((l) => (
          <Flex key={l.lineNo} justify="space-between" gap={8}>
            <Typography.Text>
              {l.name} {l.spec} × {l.qty}
              {l.unit}
            </Typography.Text>
            <Typography.Text>{yuan(l.amount)}</Typography.Text>
          </Flex>
        ))}
      </Card>
      <Card size="small" title={t('portal.order.timeline')} style={{ marginTop: 12 }}>
        <Timeline
          data-testid="portal-timeline"
          items={order.timeline.map((h) => ({ content: `${h.label} · ${dateTime(h.at)}` }))}
        />
      </Card>
      {order.documents.length > 0 && (
        <Card size="small" title={t('portal.order.documents')} style={{ marginTop: 12 }}>
          {order.documents.map((d) => (
            <div key={d.id}>
              <a href={portalApi.documentUrl(d.id)}>{d.filename}</a>
            </div>
          ))}
        </Card>
      )}
      {order.shipments.map((s) => (
        <ShipmentCard key={s.id} shipment={s} onSigned={() => void load()} />
      ))}
      {shipped && (
        <Flex gap={8} style={{ marginTop: 12 }}>
          <Button block onClick={() => setForm('complaint')}>
            {t('portal.order.complain')}
          </Button>
          <Button block onClick={() => setForm('return')}>
            {t('portal.order.return')}
          </Button>
        </Flex>
      )}
      <Modal
        open={!!form}
        title={form && t(`portal.order.${form === 'complaint' ? 'complain' : 'return'}`)}
        footer={null}
        destroyOnHidden
        onCancel={() => setForm(undefined)}
      >
        <Form layout="vertical" onFinish={(v) => void submit(v)}>
          {form === 'complaint' ? (
            <>
              <Form.Item name="type" label={t('portal.order.complaintType')} rules={[{ required: true }]}>
                <Select options={COMPLAINT_TYPES.map((k) => ({ value: k, label: t(`portal.complaintType.${k}`) }))} />
              </Form.Item>
              <Form.Item name="description" label={t('portal.order.description')} rules={[{ required: true }]}>
                <Input.TextArea rows={3} maxLength={1000} />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="lineNo" label={t('portal.order.line')} rules={[{ required: true }]}>
                <Select options={order.lines.map((l) => ({ value: l.lineNo, label: `${l.lineNo}. ${l.name}` }))} />
              </Form.Item>
              <Form.Item name="qty" label={t('portal.order.qty')} rules={[{ required: true }]}>
                <InputNumber min={1} precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="reason" label={t('portal.order.reason')} rules={[{ required: true }]}>
                <Select options={RETURN_REASONS.map((k) => ({ value: k, label: t(`portal.returnReason.${k}`) }))} />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit" block>
            {t('portal.order.send')}
          </Button>
        </Form>
      </Modal>
    </>
  );
}
