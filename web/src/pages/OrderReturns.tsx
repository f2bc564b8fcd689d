import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { returnsApi } from '../api/returns';
import type { Order, ReturnHistoryRow, ReturnListItem } from '../api/types';
import { useSession } from '../auth/session';
import { dateTime, yuan } from '../format';
import { reasonText } from '../codes';

const REASONS = ['quality', 'wrong_item', 'damage', 'changed_mind', 'other'];
const REQUESTERS = ['sales_assistant', 'customer_service', 'order_admin', 'sales_director'];

/** The order's returns (and the return an exchange order replaces goods for), and 申请退货 once it has shipped. */
export function OrderReturns({ order }: { order: Order }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const navigate = useNavigate();
  const [returns, setReturns] = useState<ReturnListItem[]>([]);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const load = useCallback(async () => {
    setReturns((await returnsApi.ofOrder(order.id)).items);
  }, [order.id]);
  useEffect(() => void load(), [load]);
  const shipped = order.lines.filter((l) => l.shipped > 0);
  if (!returns.length && !(shipped.length && can(...REQUESTERS))) return null;

  return (
    <Card
      size="small"
      title={t('returns.menu')}
      style={{ marginTop: 16 }}
      data-testid="order-returns"
      extra={
        shipped.length > 0 &&
        !order.archivedAt &&
        can(...REQUESTERS) && (
          <Button size="small" data-testid="request-return" onClick={() => setOpen(true)}>
            {t('returns.request')}
          </Button>
        )
      }
    >
      <Table<ReturnListItem>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={returns}
        locale={{ emptyText: t('returns.empty') }}
        columns={[
          {
            title: t('returns.number'),
            dataIndex: 'number',
            render: (n: string, r) => <Link to={`/returns/${r.id}`}>{n}</Link>,
          },
          {
            title: t('order.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag>{t(`returns.status.${s}`)}</Tag>,
          },
          {
            title: t('returns.refund'),
            dataIndex: 'refundAmount',
            render: (v: string | null) => (v ? yuan(v) : ''),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('returns.request')}
        width={720}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        confirmLoading={busy}
        okButtonProps={{ 'data-testid': 'request-return-ok' } as never}
        onOk={async () => {
          if (busy) return;
          const v = await form.validateFields();
          const lines = shipped
            .map((l) => ({ lineNo: l.lineNo, qty: v.qty?.[l.lineNo] ?? 0, reason: v.reason?.[l.lineNo] ?? 'quality' }))
            .filter((l) => l.qty > 0);
          setBusy(true);
          try {
            const r = await returnsApi.create({
              orderId: order.id,
              lines,
              note: v.note || undefined,
            });
            message.success(t('orderPage.done.returnRequested'));
            setOpen(false);
            navigate(`/returns/${r.id}`);
          } catch (e) {
            message.error((e as Error).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form form={form} layout="vertical">
          {shipped.map((l) => (
            <Space key={l.lineNo} align="baseline" wrap>
              <span style={{ minWidth: 200, display: 'inline-block' }}>
                {l.lineNo}. {l.sku} {l.name}
              </span>
              <Form.Item
                name={['qty', l.lineNo]}
                label={`${t('returns.qty')}（${t('returns.maxQty', { n: l.shipped })}）`}
              >
                <InputNumber min={0} max={l.shipped} precision={0} data-testid={`return-qty-${l.lineNo}`} />
              </Form.Item>
              <Form.Item name={['reason', l.lineNo]} label={t('returns.reason')} initialValue="quality">
                <Select
                  style={{ width: 140 }}
                  options={REASONS.map((r) => ({ value: r, label: t(`returns.reasons.${r}`) }))}
                />
              </Form.Item>
            </Space>
          ))}
          <Form.Item name="note" label={t('returns.note')} rules={[{ max: 500 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** A return's move as a timeline entry (退货单 number, action, new status, who, when, why). */
export function returnTimelineItem(h: ReturnHistoryRow, t: TFunction) {
  return {
    at: h.at,
    children: (
      <span data-testid="return-timeline">
        <b>
          {t('returns.title')} <Link to={`/returns/${h.returnId}`}>{h.returnNumber}</Link>{' '}
          {t(`returns.actions.${h.event}`)}
        </b>{' '}
        → {t(`returns.status.${h.to}`)} · {h.actorName} · {dateTime(h.at)}
        {reasonText(t, h) ? ` · ${reasonText(t, h)}` : ''}
      </span>
    ),
  };
}
