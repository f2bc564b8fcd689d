import {
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Tabs,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { shippingApi, type Shipment } from '../api/shipping';
import { useSession } from '../auth/session';
import { PageHeader } from '../components/PageHeader';
import { OrderQueue } from './OrderQueue';
import { dateTime } from '../format';
import { BIG, phoneModal, usePhone } from './ops/phone';
import { ShipmentList } from './ops/ShipmentList';

const TABS = ['to_pick', 'picked', 'rechecked', 'packed', 'shipped', 'delivered'];

/** 仓库作业: to pick, to recheck, to pack, to ship; then tracking, exceptions and delivery. */
export function WarehousePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const phone = usePhone();
  const [status, setStatus] = useState('orders');
  const [open, setOpen] = useState<Shipment>();
  const [dialog, setDialog] = useState<'event' | 'exception'>();
  const [form] = Form.useForm();
  const views = [
    { value: 'orders', label: t('ful.ordersToShip') },
    ...TABS.map((s) => ({ value: s, label: t(`ful.${s}`) })),
    { value: 'all', label: t('ops.allShipments') },
  ];
  const show = async (id: string) => setOpen(await shippingApi.get(id));
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(t('common.saved'));
      setDialog(undefined);
      form.resetFields();
      if (open) await show(open.id);
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <>
      <PageHeader
        extra={
          <Link to="/pick-lists">
            <Button {...(phone ? BIG : {})}>{t('ops.pickLists')}</Button>
          </Link>
        }
      />
      {phone ? (
        // A phone has no room for seven tabs: the view is one big select.
        <Select
          size="large"
          value={status}
          onChange={setStatus}
          options={views}
          style={{ width: '100%', marginBottom: 12 }}
          data-testid="warehouse-view"
        />
      ) : (
        <Tabs activeKey={status} onChange={setStatus} items={views.map((v) => ({ key: v.value, label: v.label }))} />
      )}
      {status === 'orders' ? (
        <OrderQueue queue="warehouse" onShip={async (orderIds) => run(() => shippingApi.create(orderIds))} />
      ) : (
        <ShipmentList
          key={status}
          mode="warehouse"
          status={status === 'all' ? undefined : status}
          onOpen={(id) => void show(id)}
          onChanged={() => open && void show(open.id)}
        />
      )}
      <Drawer
        open={!!open}
        size={phone ? '100%' : 'large'}
        title={open?.number}
        onClose={() => setOpen(undefined)}
        data-testid="shipment-drawer"
      >
        {open && (
          <>
            <Descriptions
              size="small"
              column={1}
              items={[
                { label: t('order.status'), children: <Tag>{t(`ful.${open.status}`)}</Tag> },
                { label: t('order.consignee'), children: `${open.consignee.consignee} · ${open.consignee.address}` },
                { label: t('ful.carrier'), children: `${open.carrier} ${open.trackingNo}` },
                { label: t('ful.signedBy'), children: open.signedBy ?? '' },
              ]}
            />
            <List
              size="small"
              dataSource={open.lines}
              renderItem={(l) => (
                <List.Item key={l.lineNo} extra={`× ${l.qty}`}>
                  <List.Item.Meta
                    title={`${l.sku} ${l.name}`}
                    description={<Link to={`/orders/${l.orderId}`}>{l.orderNumber}</Link>}
                  />
                </List.Item>
              )}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('ful.events')}
            </Typography.Title>
            <Timeline
              items={open.events.map((e) => ({
                children: `${dateTime(e.at)} ${e.location} ${e.description}`,
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
                  <a key={f.id} href={shippingApi.attachmentUrl(f.id)} style={{ marginRight: 8 }}>
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
                  await run(() => shippingApi.uploadProof(open.id, body));
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
        {...phoneModal(phone)}
        title={dialog && t(dialog === 'event' ? 'ful.addEvent' : 'ful.logException')}
        onCancel={() => setDialog(undefined)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'dialog-ok' } as never}
        onOk={async () => {
          const v = await form.validateFields();
          const id = open!.id;
          if (dialog === 'event') await run(() => shippingApi.addEvent(id, { ...v, at: new Date().toISOString() }));
          if (dialog === 'exception') await run(() => shippingApi.logException(id, v));
        }}
      >
        <Form form={form} layout="vertical" initialValues={{ type: 'delay' }}>
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
