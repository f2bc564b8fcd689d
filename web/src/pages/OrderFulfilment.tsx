import { App, Button, Card, Form, Input, Modal, Select, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Order } from '../api/types';
import { moneyRule } from '../components/forms';
import { useSession } from '../auth/session';

type Payment = { total: string; paid: string; gates: { gate: string; ok: boolean; waitsFor: string }[] };

/** The cash and fulfilment side of an order: what is paid, what each gate waits for, and the next steps. */
export function OrderFulfilment({ order, onChanged }: { order: Order; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [payment, setPayment] = useState<Payment>();
  const [dialog, setDialog] = useState<'lc' | 'invoice'>();
  const [form] = Form.useForm();
  useEffect(() => void api.get<Payment>(`/api/orders/${order.id}/payment`).then(setPayment), [order.id, order.status]);
  const run = async (fn: () => Promise<unknown>) => {
    try { await fn(); message.success(t('common.saved')); setDialog(undefined); onChanged(); } catch (e) { message.error((e as Error).message); }
  };
  if (!payment || ['draft', 'rejected', 'in_review', 'awaiting_confirmation', 'cancelled'].includes(order.status)) return null;

  return (
    <Card size="small" title={t('ful.gates')} style={{ marginTop: 16 }} data-testid="order-payment">
      <p>{t('ful.paid')} ¥{payment.paid} / ¥{payment.total}</p>
      {payment.gates.map((g) => <p key={g.gate}><Tag color={g.ok ? 'green' : 'red'}>{g.gate}</Tag>{!g.ok && `${t('ful.waitsFor')}: ${g.waitsFor}`}</p>)}
      <Space wrap>
        {['confirmed', 'in_fulfillment', 'partially_shipped'].includes(order.status) && can('warehouse', 'order_admin') && (
          <Button data-testid="create-shipment" onClick={() => run(() => api.post('/api/shipments', { orderIds: [order.id] }))}>{t('ful.createShipment')}</Button>
        )}
        {order.paymentMethod === 'lc' && can('finance') && <Button onClick={() => setDialog('lc')}>{t('ful.lc')}</Button>}
        {order.status === 'delivered' && can('finance') && <Button type="primary" data-testid="complete-order" onClick={() => setDialog('invoice')}>{t('ful.invoice')}</Button>}
      </Space>
      <Modal open={!!dialog} title={dialog && t(dialog === 'lc' ? 'ful.lc' : 'ful.invoice')} onCancel={() => setDialog(undefined)} destroyOnHidden okButtonProps={{ 'data-testid': 'fulfilment-ok' } as never}
        onOk={async () => {
          const v = await form.validateFields();
          await run(() => (dialog === 'lc' ? api.post(`/api/orders/${order.id}/letters-of-credit`, v) : api.post(`/api/orders/${order.id}/complete`, v)));
        }}>
        <Form form={form} layout="vertical" initialValues={{ amount: order.total, taxRate: '13', type: 'digital', issuedOn: new Date().toISOString().slice(0, 10) }}>
          {dialog === 'lc' ? <>
            <Form.Item name="number" label={t('ful.lcNo')} rules={[{ required: true }]}><Input /></Form.Item>
            <Form.Item name="amount" label={t('ful.amount')} rules={[{ required: true }, moneyRule]}><Input /></Form.Item>
            <Form.Item name="expiryDate" label={t('ful.expiry')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
            <Form.Item name="latestShipmentDate" label={t('ful.latestShipment')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
          </> : <>
            <Form.Item name="number" label={t('ful.invoiceNo')} rules={[{ required: true }]}><Input data-testid="invoice-number" /></Form.Item>
            <Form.Item name="issuedOn" label={t('stock.at')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
            <Form.Item name="amount" label={t('ful.amount')} rules={[{ required: true }, moneyRule]}><Input /></Form.Item>
            <Form.Item name="taxRate" label={t('ful.taxRate')} rules={[{ required: true }]}><Input /></Form.Item>
            <Form.Item name="type" label={t('ful.invoiceType')}><Select options={[{ value: 'normal', label: '普票' }, { value: 'special', label: '专票' }, { value: 'digital', label: '数电票' }]} /></Form.Item>
          </>}
        </Form>
      </Modal>
    </Card>
  );
}
