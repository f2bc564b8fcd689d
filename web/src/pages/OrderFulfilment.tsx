import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ordersApi,
  type OpenException,
  type OrderPayment as Payment,
  type OrderShipment as ShipmentRow,
} from '../api/orders';
import type { BodyOf } from '../api/client';
import type { Order } from '../api/types';
import { moneyRule } from '../components/forms';
import { reasonText } from '../codes';
import { useSession } from '../auth/session';
import { ActionButton } from '../components/ActionButton';
import { companyToday, money } from '../format';

type Dialog = 'lc' | 'invoice' | 'receipt';
const RECEIPT_METHODS = ['bank_transfer', 'cash', 'cheque', 'lc', 'online', 'other'];

/** What is still owed, in exact fen arithmetic on the API's "123.45" strings. */
const fen = (s: string) => {
  const [yuan, cents = ''] = s.replace('-', '').split('.');
  return (s.startsWith('-') ? -1n : 1n) * (BigInt(yuan) * 100n + BigInt(cents.padEnd(2, '0').slice(0, 2)));
};
const owed = (total: string, paid: string) => {
  const left = fen(total) - fen(paid);
  return left > 0n ? `${left / 100n}.${String(left % 100n).padStart(2, '0')}` : undefined;
};

/**
 * The cash and fulfilment side of an order: what is paid, what each gate waits for, its shipments and the next
 * steps.
 */
export function OrderFulfilment({ order, onChanged }: { order: Order; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [payment, setPayment] = useState<Payment>();
  const [shipments, setShipments] = useState<ShipmentRow[]>([]);
  const [exceptions, setExceptions] = useState<OpenException[]>([]);
  const [dialog, setDialog] = useState<Dialog>();
  const [version, setVersion] = useState(0); // bumped after each action: money can change without the status
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  useEffect(() => {
    void ordersApi.payment(order.id).then(setPayment);
    void ordersApi.shipments(order.id).then(setShipments);
    void ordersApi.openExceptions(order.id).then(setExceptions);
  }, [order.id, order.status, version]);
  const changed = () => {
    setVersion((v) => v + 1);
    onChanged();
  };
  // One request per OK: the dialog's button spins while it runs.
  const run = async (fn: () => Promise<unknown>, said: string) => {
    if (busy) return;
    setBusy(true);
    try {
      await fn();
      message.success(said);
      setDialog(undefined);
      changed();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  if (!payment || ['draft', 'rejected', 'in_review', 'awaiting_confirmation', 'cancelled'].includes(order.status))
    return null;
  const finance = can('finance');
  const submit: Record<Dialog, (v: Record<string, string>) => Promise<unknown>> = {
    lc: (v) => ordersApi.addLetterOfCredit(order.id, v as BodyOf<'POST /api/orders/{id}/letters-of-credit'>),
    invoice: (v) => ordersApi.complete(order.id, v as unknown as BodyOf<'POST /api/orders/{id}/complete'>),
    // What exceeds the order's balance stays on the customer's account (预收), not on this order.
    receipt: (v) =>
      ordersApi.recordReceipt({
        customerId: order.customer.id,
        amount: v.amount,
        // A receipt on this order is in the order's currency (the company's rate of the day unless finance says).
        ...(order.currency !== 'CNY' ? { currency: order.currency } : {}),
        receivedOn: v.receivedOn,
        method: v.method as BodyOf<'POST /api/receipts'>['method'],
        reference: v.reference ?? '',
        applications: [
          {
            orderId: order.id,
            amount:
              fen(v.amount) > fen(owed(payment.total, payment.paid) ?? '0')
                ? (owed(payment.total, payment.paid) as string)
                : v.amount,
          },
        ],
      }),
  };
  const title: Record<Dialog, string> = { lc: t('ful.lc'), invoice: t('ful.invoice'), receipt: t('ful.recordReceipt') };

  return (
    <Card size="small" title={t('ful.gates')} style={{ marginTop: 16 }} data-testid="order-payment">
      <p>
        {t('ful.paid')} {money(payment.paid, order.currency)} / {money(payment.total, order.currency)}
      </p>
      {payment.gates.map((g) => (
        <p key={g.gate} data-testid={`gate-${g.gate}`}>
          <Tag color={g.ok ? 'green' : 'red'}>{t(`ful.gate.${g.gate}`)}</Tag>
          {!g.ok &&
            `${t('ful.waitsFor')}: ${reasonText(t, {
              reason: g.waitsFor,
              reasonCode: g.waitsForCode,
              reasonParams: g.waitsForParams,
            })}`}
          {g.late && (
            <Tag color="red" style={{ marginLeft: 8 }}>
              {t('ful.lcLate')} ({t('ful.checkBy')} {g.checkBy})
            </Tag>
          )}
        </p>
      ))}
      {exceptions.map((x) => (
        <Alert
          key={x.id}
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="open-exception"
          message={`${t('ful.exceptions')} · ${x.shipmentNumber} · ${t(`ful.exceptionType.${x.type}`)} ${x.action}`}
        />
      ))}
      {shipments.length > 0 && (
        <Table<ShipmentRow>
          size="small"
          rowKey="id"
          pagination={false}
          style={{ marginBottom: 12 }}
          dataSource={shipments}
          data-testid="order-shipments"
          columns={[
            { title: t('ful.shipment'), dataIndex: 'number' },
            { title: t('order.status'), dataIndex: 'status', render: (s: string) => t(`ful.${s}`) },
            { title: t('ful.carrier'), dataIndex: 'carrier' },
            { title: t('ful.trackingNo'), dataIndex: 'trackingNo' },
            {
              title: '',
              key: 'p',
              render: (_: unknown, s) => (
                <Space>
                  <a href={ordersApi.outboundOrderUrl(s.id)} target="_blank" rel="noreferrer">
                    {t('ful.outboundOrder')}
                  </a>
                  <a href={ordersApi.deliveryNoteUrl(s.id)} target="_blank" rel="noreferrer">
                    {t('ful.deliveryNote')}
                  </a>
                </Space>
              ),
            },
          ]}
        />
      )}
      <Space wrap>
        {order.actions.includes('create_shipment') && (
          <ActionButton
            data-testid="create-shipment"
            run={() => ordersApi.ship(order.id)}
            success={t('orderPage.done.fulfilment.shipment')}
            onDone={changed}
          >
            {t('ful.createShipment')}
          </ActionButton>
        )}
        {finance && owed(payment.total, payment.paid) && (
          <Button data-testid="record-receipt" onClick={() => setDialog('receipt')}>
            {t('ful.recordReceipt')}
          </Button>
        )}
        {order.paymentMethod === 'lc' && finance && (
          <Button data-testid="record-lc" onClick={() => setDialog('lc')}>
            {t('ful.lc')}
          </Button>
        )}
        {order.actions.includes('complete') && (
          <Button type="primary" data-testid="complete-order" onClick={() => setDialog('invoice')}>
            {t('ful.invoice')}
          </Button>
        )}
      </Space>
      <Modal
        open={!!dialog}
        title={dialog && title[dialog]}
        onCancel={() => setDialog(undefined)}
        destroyOnHidden
        confirmLoading={busy}
        okButtonProps={{ 'data-testid': 'fulfilment-ok' } as never}
        onOk={async () => {
          const v = await form.validateFields();
          await run(() => submit[dialog!](v), t(`orderPage.done.fulfilment.${dialog}`));
        }}
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            amount: dialog === 'receipt' ? owed(payment.total, payment.paid) : order.total,
            taxRate: '13',
            type: 'digital',
            method: 'bank_transfer',
            issuedOn: companyToday(),
            receivedOn: companyToday(),
          }}
        >
          {dialog === 'lc' && (
            <>
              <Form.Item name="number" label={t('ful.lcNo')} rules={[{ required: true }]}>
                <Input data-testid="lc-number" />
              </Form.Item>
              <Form.Item name="amount" label={t('ful.amount')} rules={[{ required: true }, moneyRule]}>
                <Input />
              </Form.Item>
              <Form.Item name="expiryDate" label={t('ful.expiry')} rules={[{ required: true }]}>
                <Input type="date" data-testid="lc-expiry" />
              </Form.Item>
              <Form.Item name="latestShipmentDate" label={t('ful.latestShipment')} rules={[{ required: true }]}>
                <Input type="date" data-testid="lc-latest-shipment" />
              </Form.Item>
            </>
          )}
          {dialog === 'receipt' && (
            <>
              <Form.Item name="amount" label={t('ful.amount')} rules={[{ required: true }, moneyRule]}>
                <Input data-testid="receipt-amount" />
              </Form.Item>
              <Form.Item name="receivedOn" label={t('stock.at')} rules={[{ required: true }]}>
                <Input type="date" />
              </Form.Item>
              <Form.Item name="method" label={t('ful.receiptMethod')}>
                <Select options={RECEIPT_METHODS.map((m) => ({ value: m, label: t(`ful.method.${m}`) }))} />
              </Form.Item>
              <Form.Item name="reference" label={t('stock.reference')}>
                <Input data-testid="receipt-reference" />
              </Form.Item>
            </>
          )}
          {dialog === 'invoice' && (
            <>
              <Form.Item name="number" label={t('ful.invoiceNo')} rules={[{ required: true }]}>
                <Input data-testid="invoice-number" />
              </Form.Item>
              <Form.Item name="issuedOn" label={t('stock.at')} rules={[{ required: true }]}>
                <Input type="date" />
              </Form.Item>
              <Form.Item name="amount" label={t('ful.amount')} rules={[{ required: true }, moneyRule]}>
                <Input />
              </Form.Item>
              <Form.Item name="taxRate" label={t('ful.taxRate')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="type" label={t('ful.invoiceType')}>
                <Select
                  options={['normal', 'special', 'digital'].map((x) => ({
                    value: x,
                    label: t(`codes.invoiceType.${x}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="outboundVoucher" label={t('ful.outboundVoucher')}>
                <Input maxLength={60} data-testid="outbound-voucher" />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
