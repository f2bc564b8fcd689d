import {
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useSession } from '../auth/session';
import { OrderQueue } from './OrderQueue';

type Row = {
  id: string;
  number: string;
  status: string;
  customerName: string;
  carrier: string;
  trackingNo: string;
  pickDueAt: string;
  pickLate: boolean;
  trackingLate: boolean;
  /** The steps the server lets this user take now. */
  actions: string[];
};
type Shipment = Row & {
  consignee: { consignee: string; address: string };
  lines: { lineNo: number; orderId: string; orderNumber: string; sku: string; name: string; qty: number }[];
  events: { id: string; at: string; location: string; description: string }[];
  exceptions: { id: string; type: string; action: string; status: string }[];
  signedBy: string | null;
  proofs: { id: string; filename: string }[];
};
const STEPS = ['pick', 'recheck', 'pack', 'ship', 'deliver'] as const;

/** 仓库作业: to pick, to recheck, to pack, to ship; then tracking, exceptions and delivery. */
export function WarehousePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [status, setStatus] = useState('orders');
  const [rows, setRows] = useState<Row[]>([]);
  const [open, setOpen] = useState<Shipment>();
  const [dialog, setDialog] = useState<'ship' | 'deliver' | 'event' | 'exception'>();
  const [target, setTarget] = useState<Row>();
  const [form] = Form.useForm();
  const load = useCallback(async () => {
    if (status !== 'orders') setRows(await api.get<Row[]>('/api/shipments', { status }));
  }, [status]);
  useEffect(() => void load(), [load]);
  const show = async (id: string) => setOpen(await api.get<Shipment>(`/api/shipments/${id}`));
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(t('common.saved'));
      setDialog(undefined);
      setTarget(undefined);
      form.resetFields();
      await load();
      if (open) await show(open.id);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const step = (r: Row) => {
    const next = STEPS.find((s) => r.actions.includes(s));
    if (!next) return null;
    if (next === 'ship' || next === 'deliver')
      return (
        <Button
          size="small"
          type="primary"
          data-testid={`shipment-${next}`}
          onClick={() => {
            setTarget(r);
            setDialog(next);
          }}
        >
          {t(`ful.${next}`)}
        </Button>
      );
    return (
      <Button
        size="small"
        type="primary"
        data-testid={`shipment-${next}`}
        onClick={() => run(() => api.post(`/api/shipments/${r.id}/${next}`))}
      >
        {t(`ful.${next}`)}
      </Button>
    );
  };

  return (
    <>
      <Typography.Title level={4}>{t('menu.warehouse')}</Typography.Title>
      <Tabs
        activeKey={status}
        onChange={setStatus}
        items={[
          { key: 'orders', label: t('ful.ordersToShip') },
          ...['to_pick', 'picked', 'rechecked', 'packed', 'shipped', 'delivered'].map((s) => ({
            key: s,
            label: t(`ful.${s}`),
          })),
        ]}
      />
      {status === 'orders' ? (
        <OrderQueue
          queue="warehouse"
          onShip={async (orderIds) => run(() => api.post('/api/shipments', { orderIds }))}
        />
      ) : (
        <Table<Row>
          rowKey="id"
          size="middle"
          dataSource={rows}
          data-testid="shipments"
          columns={[
            {
              title: t('order.number'),
              dataIndex: 'number',
              render: (n: string, r) => <a onClick={() => void show(r.id)}>{n}</a>,
            },
            { title: t('order.customer'), dataIndex: 'customerName' },
            {
              title: t('ful.pickDue'),
              dataIndex: 'pickDueAt',
              render: (d: string, r) => (
                <span style={{ color: r.pickLate ? 'red' : undefined }}>
                  {new Date(d).toLocaleString()}
                  {r.pickLate ? ` · ${t('ful.late')}` : ''}
                </span>
              ),
            },
            { title: t('ful.carrier'), dataIndex: 'carrier' },
            {
              title: t('ful.trackingNo'),
              dataIndex: 'trackingNo',
              render: (n: string, r) => (
                <>
                  {n}
                  {r.trackingLate && <Tag color="red">{t('ful.late')}</Tag>}
                </>
              ),
            },
            {
              title: t('common.actions'),
              key: 'a',
              render: (_: unknown, r) => (
                <Space>
                  {step(r)}
                  <Button size="small" href={`/api/shipments/${r.id}/outbound-order`} target="_blank">
                    {t('ful.outboundOrder')}
                  </Button>
                  <Button size="small" href={`/api/shipments/${r.id}/delivery-note`} target="_blank">
                    {t('ful.deliveryNote')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
      <Drawer open={!!open} size="large" title={open?.number} onClose={() => setOpen(undefined)}>
        {open && (
          <>
            <Descriptions
              size="small"
              column={1}
              items={[
                { label: t('order.status'), children: t(`ful.${open.status}`) },
                { label: t('order.consignee'), children: `${open.consignee.consignee} · ${open.consignee.address}` },
                { label: t('ful.carrier'), children: `${open.carrier} ${open.trackingNo}` },
                { label: t('ful.signedBy'), children: open.signedBy ?? '' },
              ]}
            />
            <Table
              size="small"
              rowKey="lineNo"
              pagination={false}
              dataSource={open.lines}
              columns={[
                {
                  title: t('order.number'),
                  dataIndex: 'orderNumber',
                  render: (n: string, l) => <Link to={`/orders/${l.orderId}`}>{n}</Link>,
                },
                { title: 'SKU', dataIndex: 'sku' },
                { title: t('order.product'), dataIndex: 'name' },
                { title: t('order.qty'), dataIndex: 'qty' },
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('ful.events')}
            </Typography.Title>
            <Timeline
              items={open.events.map((e) => ({
                children: `${new Date(e.at).toLocaleString()} ${e.location} ${e.description}`,
              }))}
            />
            {open.exceptions.map((x) => (
              <Tag key={x.id} color={x.status === 'open' ? 'red' : 'default'}>
                {t(`ful.exceptionType.${x.type}`)} {x.action}
              </Tag>
            ))}
            {open.proofs.length > 0 && (
              <p data-testid="proofs">
                {t('ful.proof')}:{' '}
                {open.proofs.map((f) => (
                  <a key={f.id} href={`/api/attachments/${f.id}`} style={{ marginRight: 8 }}>
                    {f.filename}
                  </a>
                ))}
              </p>
            )}
            {open.status === 'delivered' && can('logistics', 'customer_service', 'warehouse') && (
              <Upload
                showUploadList={false}
                customRequest={async ({ file }) => {
                  const body = new FormData();
                  body.append('file', file as Blob);
                  await run(() => api.post(`/api/shipments/${open.id}/proof`, body));
                }}
              >
                <Button data-testid="upload-proof">{t('ful.uploadProof')}</Button>
              </Upload>
            )}
            {can('logistics', 'warehouse') && ['shipped', 'delivered'].includes(open.status) && (
              <Space style={{ marginTop: 12 }}>
                <Button onClick={() => setDialog('event')}>{t('ful.addEvent')}</Button>
                <Button danger onClick={() => setDialog('exception')}>
                  {t('ful.logException')}
                </Button>
              </Space>
            )}
          </>
        )}
      </Drawer>
      <Modal
        open={!!dialog}
        title={dialog && t(`ful.${dialog === 'event' ? 'addEvent' : dialog === 'exception' ? 'logException' : dialog}`)}
        onCancel={() => setDialog(undefined)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'dialog-ok' } as never}
        onOk={async () => {
          const v = await form.validateFields();
          const id = dialog === 'ship' || dialog === 'deliver' ? target!.id : open!.id;
          if (dialog === 'ship') await run(() => api.post(`/api/shipments/${id}/ship`, v));
          // The signing time is entered in the browser's local time (now when left empty).
          if (dialog === 'deliver')
            await run(() =>
              api.post(`/api/shipments/${id}/deliver`, {
                signedBy: v.signedBy,
                ...(v.signedAt ? { at: new Date(v.signedAt).toISOString() } : {}),
              }),
            );
          if (dialog === 'event')
            await run(() => api.post(`/api/shipments/${id}/events`, { ...v, at: new Date().toISOString() }));
          if (dialog === 'exception') await run(() => api.post(`/api/shipments/${id}/exceptions`, v));
        }}
      >
        <Form form={form} layout="vertical" initialValues={{ carrier: target?.carrier, type: 'delay' }}>
          {dialog === 'ship' && (
            <>
              <Form.Item name="carrier" label={t('ful.carrier')}>
                <Input />
              </Form.Item>
              <Form.Item name="trackingNo" label={t('ful.trackingNo')}>
                <Input data-testid="tracking-input" />
              </Form.Item>
            </>
          )}
          {dialog === 'deliver' && (
            <>
              <Form.Item name="signedBy" label={t('ful.signedBy')} rules={[{ required: true }]}>
                <Input data-testid="signed-by" maxLength={50} />
              </Form.Item>
              <Form.Item name="signedAt" label={t('ful.signedAt')}>
                <Input type="datetime-local" data-testid="signed-at" />
              </Form.Item>
            </>
          )}
          {dialog === 'event' && (
            <>
              <Form.Item name="location" label="📍">
                <Input />
              </Form.Item>
              <Form.Item name="description" label={t('ful.description')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
            </>
          )}
          {dialog === 'exception' && (
            <>
              <Form.Item name="type" label={t('ful.complaintType')}>
                <Select
                  options={['delay', 'wrong_address', 'damage', 'loss'].map((x) => ({
                    value: x,
                    label: t(`ful.exceptionType.${x}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="action" label={t('ful.description')}>
                <Input />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
