import { App, Button, Form, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shippingApi, type ShipmentRow } from '../../api/shipping';
import { useSession } from '../../auth/session';
import { ServerTable } from '../../components/ServerTable';
import { dateTime } from '../../format';
import { BIG, OpsCard, phoneModal, usePhone } from './phone';
import { ListFilters, type ListFilter } from './ShipmentFilters';

const STEPS = ['pick', 'recheck', 'pack', 'ship', 'deliver'] as const;
export const SHIPMENT_STATUSES = ['to_pick', 'picked', 'rechecked', 'packed', 'shipped', 'delivered', 'cancelled'];
type Dialog = 'ship' | 'deliver' | 'tracking';

/**
 * 出库单列表: filtered by status, carrier, customer and dates, exported as filtered. The warehouse takes each
 * shipment's next step; logistics enters tracking numbers and records delivery. Cards on a phone.
 */
export function ShipmentList({
  status,
  mode,
  onOpen,
  onChanged,
}: {
  /** Fixed by the page (a warehouse tab); without it the status is a filter. */
  status?: string;
  mode: 'warehouse' | 'logistics';
  onOpen?: (id: string) => void;
  onChanged?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const phone = usePhone();
  const [filter, setFilter] = useState<ListFilter>(mode === 'logistics' ? { status: 'shipped' } : {});
  const [reload, setReload] = useState(0);
  const [dialog, setDialog] = useState<Dialog>();
  const [target, setTarget] = useState<ShipmentRow>();
  const [form] = Form.useForm();
  const tracks = can('logistics', 'warehouse');

  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(t('common.saved'));
      setDialog(undefined);
      setTarget(undefined);
      form.resetFields();
      setReload((n) => n + 1);
      onChanged?.();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const open = (r: ShipmentRow, d: Dialog) => {
    setTarget(r);
    setDialog(d);
  };
  const size = phone ? 'large' : 'small';
  const big = phone ? BIG : {};
  const steps = (r: ShipmentRow) => {
    const buttons = [];
    const next = STEPS.find((s) => r.actions.includes(s));
    if (next && (mode === 'warehouse' || next === 'deliver'))
      buttons.push(
        <Button
          key={next}
          size={size}
          {...big}
          type="primary"
          data-testid={`shipment-${next}`}
          onClick={() =>
            next === 'ship' || next === 'deliver' ? open(r, next) : run(() => shippingApi.step(r.id, next))
          }
        >
          {t(`ful.${next}`)}
        </Button>,
      );
    if (mode === 'logistics' && tracks && r.status === 'shipped')
      buttons.push(
        <Button key="tracking" size={size} {...big} data-testid="shipment-tracking" onClick={() => open(r, 'tracking')}>
          {t('ops.enterTracking')}
        </Button>,
      );
    if (mode === 'warehouse')
      buttons.push(
        <Button key="out" size={size} {...big} href={shippingApi.outboundOrderUrl(r.id)} target="_blank">
          {t('ful.outboundOrder')}
        </Button>,
        <Button key="note" size={size} {...big} href={shippingApi.deliveryNoteUrl(r.id)} target="_blank">
          {t('ful.deliveryNote')}
        </Button>,
      );
    return buttons;
  };
  const number = (r: ShipmentRow) => (onOpen ? <a onClick={() => onOpen(r.id)}>{r.number}</a> : r.number);
  const late = <Tag color="red">{t('ful.late')}</Tag>;
  const filters = { ...filter, ...(status ? { status } : {}) };

  return (
    <>
      <ListFilters
        value={filter}
        onChange={setFilter}
        phone={phone}
        carrier
        statuses={status ? undefined : SHIPMENT_STATUSES.map((s) => [s, t(`ful.${s}`)])}
      />
      <ServerTable<ShipmentRow>
        url={shippingApi.searchUrl}
        rowKey="id"
        testId="shipments"
        filters={filters}
        reloadKey={reload}
        exportUrl={shippingApi.exportUrl}
        exportFiltered
        empty={t(mode === 'warehouse' ? 'ops.empty.shipments' : 'ops.empty.logistics')}
        card={(r) => (
          <OpsCard
            testId="shipment-card"
            title={number(r)}
            tag={<Tag>{t(`ful.${r.status}`)}</Tag>}
            fields={[
              { label: t('order.customer'), value: r.customerName },
              mode === 'warehouse' && !r.shippedAt
                ? { label: t('ful.pickDue'), value: [dateTime(r.pickDueAt), r.pickLate && late] }
                : { label: t('ful.trackingNo'), value: [`${r.carrier} ${r.trackingNo}`, r.trackingLate && late] },
              ...(r.deliveredAt
                ? [{ label: t('ful.signedBy'), value: `${r.signedBy ?? ''} ${dateTime(r.deliveredAt)}` }]
                : []),
            ]}
            actions={steps(r)}
          />
        )}
        columns={[
          { title: t('ful.shipment'), dataIndex: 'number', render: (_: string, r) => number(r) },
          ...(status ? [] : [{ title: t('order.status'), dataIndex: 'status', render: (s: string) => t(`ful.${s}`) }]),
          { title: t('order.customer'), dataIndex: 'customerName' },
          {
            title: t('ful.pickDue'),
            dataIndex: 'pickDueAt',
            render: (d: string, r) => (
              <span style={{ color: r.pickLate ? 'red' : undefined }}>
                {dateTime(d)}
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
                {r.trackingLate && late}
              </>
            ),
          },
          ...(mode === 'logistics'
            ? [
                { title: t('ful.shipped'), dataIndex: 'shippedAt', render: dateTime },
                { title: t('ful.signedBy'), dataIndex: 'signedBy' },
              ]
            : []),
          { title: t('common.actions'), key: 'a', render: (_: unknown, r) => <Space>{steps(r)}</Space> },
        ]}
      />
      <Modal
        open={!!dialog}
        {...phoneModal(phone)}
        title={
          dialog && `${dialog === 'tracking' ? t('ops.enterTracking') : t(`ful.${dialog}`)} ${target?.number ?? ''}`
        }
        onCancel={() => setDialog(undefined)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'dialog-ok', ...big } as never}
        cancelButtonProps={big}
        onOk={async () => {
          const v = await form.validateFields();
          const id = target!.id;
          if (dialog === 'ship') await run(() => shippingApi.ship(id, v));
          if (dialog === 'tracking') await run(() => shippingApi.tracking(id, v));
          // The signing time is entered in the browser's local time (now when left empty).
          if (dialog === 'deliver')
            await run(() =>
              shippingApi.deliver(id, {
                signedBy: v.signedBy,
                ...(v.signedAt ? { at: new Date(v.signedAt).toISOString() } : {}),
              }),
            );
        }}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ carrier: target?.carrier, trackingNo: dialog === 'tracking' ? target?.trackingNo : '' }}
        >
          {(dialog === 'ship' || dialog === 'tracking') && (
            <>
              <Form.Item name="carrier" label={t('ful.carrier')} rules={[{ required: dialog === 'tracking' }]}>
                <Input maxLength={50} data-testid="carrier-input" />
              </Form.Item>
              <Form.Item name="trackingNo" label={t('ful.trackingNo')} rules={[{ required: dialog === 'tracking' }]}>
                <Input maxLength={60} data-testid="tracking-input" />
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
        </Form>
      </Modal>
    </>
  );
}
