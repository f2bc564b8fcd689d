import { App, Button, Checkbox, Empty, Form, Input, InputNumber, List, Modal, Space, Table, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shippingApi, type LogisticsException, type StaleShipment as Stale } from '../api/shipping';
import { useSession } from '../auth/session';
import { ImportButton } from '../components/ImportButton';
import { PageHeader } from '../components/PageHeader';
import { dateTime } from '../format';
import { BIG, OpsCard, phoneModal, usePhone } from './ops/phone';
import { ShipmentList } from './ops/ShipmentList';

type Rule = { key: number; region: string; carrier: string; transitDays?: number };

/** On a phone, a list's rows as cards (the desktop keeps its table). */
function Cards<T>({ items, empty, card }: { items: T[]; empty: string; card: (x: T) => React.ReactNode }) {
  return (
    <List<T>
      dataSource={items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
      renderItem={(x) => <List.Item style={{ padding: '0 0 8px', borderBlockEnd: 'none' }}>{card(x)}</List.Item>}
    />
  );
}

/**
 * 物流: shipping and delivery (tracking numbers, signatures), the logistics exception log (模板3), shipments
 * without movement, and the region → carrier table.
 */
export function LogisticsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [exceptions, setExceptions] = useState<LogisticsException[]>([]);
  const [stale, setStale] = useState<Stale[]>([]);
  const [rules, setRules] = useState<Rule[]>([]);
  const [closing, setClosing] = useState<LogisticsException>();
  const [form] = Form.useForm();
  const logistics = can('logistics');
  const phone = usePhone();
  const load = useCallback(async () => {
    setExceptions(await shippingApi.exceptions());
    setStale(await shippingApi.stale());
    setRules((await shippingApi.carrierRules()).map((r, key) => ({ ...r, key })));
  }, []);
  useEffect(() => void load(), [load]);
  const edit = (key: number, patch: Partial<Rule>) =>
    setRules(rules.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const saveRules = async () => {
    try {
      await shippingApi.saveCarrierRules(
        rules
          .filter((r) => r.region.trim() || r.carrier.trim())
          .map(({ region, carrier, transitDays }) => ({ region: region.trim(), carrier: carrier.trim(), transitDays })),
      );
      message.success(t('common.saved'));
      await load();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <>
      <PageHeader
        extra={
          logistics && (
            <>
              <ImportButton url={shippingApi.trackingImportUrl} onDone={() => void load()} />
              <Button href={shippingApi.trackingTemplateUrl()}>{t('ful.trackingTemplate')}</Button>
            </>
          )
        }
      />
      <Tabs
        items={[
          {
            key: 'shipping',
            label: t('ops.shipping'),
            children: <ShipmentList mode="logistics" onChanged={() => void load()} />,
          },
          {
            key: 'exceptions',
            label: t('ful.exceptions'),
            children: phone ? (
              <Cards
                items={exceptions}
                empty={t('ops.empty.exceptions')}
                card={(x) => (
                  <OpsCard
                    testId="exception-card"
                    title={x.shipmentNumber}
                    tag={
                      <Tag color={x.status === 'open' ? 'red' : 'default'}>{t(`ful.exceptionStatus.${x.status}`)}</Tag>
                    }
                    fields={[
                      { label: t('ful.complaintType'), value: t(`ful.exceptionType.${x.type}`) },
                      { label: t('ful.foundAt'), value: dateTime(x.foundAt) },
                      { label: t('ful.action'), value: x.action },
                      { label: t('ful.result'), value: x.result },
                    ]}
                    actions={
                      logistics &&
                      x.actions.includes('close') && (
                        <Button {...BIG} data-testid="exception-close" onClick={() => setClosing(x)}>
                          {t('ful.closeException')}
                        </Button>
                      )
                    }
                  />
                )}
              />
            ) : (
              <Table<LogisticsException>
                rowKey="id"
                size="middle"
                dataSource={exceptions}
                data-testid="logistics-exceptions"
                columns={[
                  { title: t('ful.shipment'), dataIndex: 'shipmentNumber' },
                  {
                    title: t('ful.complaintType'),
                    dataIndex: 'type',
                    render: (x: string) => t(`ful.exceptionType.${x}`),
                  },
                  {
                    title: t('ful.foundAt'),
                    dataIndex: 'foundAt',
                    render: dateTime,
                  },
                  { title: t('ful.action'), dataIndex: 'action' },
                  { title: t('ful.result'), dataIndex: 'result' },
                  {
                    title: t('ful.customerInformed'),
                    dataIndex: 'customerInformed',
                    render: (v: boolean) => (v ? '✓' : ''),
                  },
                  {
                    title: t('order.status'),
                    dataIndex: 'status',
                    render: (s: string) => (
                      <Tag color={s === 'open' ? 'red' : 'default'}>{t(`ful.exceptionStatus.${s}`)}</Tag>
                    ),
                  },
                  {
                    title: t('common.actions'),
                    key: 'a',
                    render: (_: unknown, x) =>
                      logistics &&
                      x.actions.includes('close') && (
                        <Button size="small" data-testid="exception-close" onClick={() => setClosing(x)}>
                          {t('ful.closeException')}
                        </Button>
                      ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'stale',
            label: t('ful.stale'),
            children: phone ? (
              <Cards
                items={stale}
                empty={t('ops.empty.stale')}
                card={(x) => (
                  <OpsCard
                    title={x.number}
                    fields={[
                      { label: t('ful.trackingNo'), value: `${x.carrier} ${x.trackingNo}` },
                      { label: t('ful.shipped'), value: dateTime(x.shippedAt) },
                      { label: t('ful.lastEvent'), value: dateTime(x.lastEventAt) },
                    ]}
                  />
                )}
              />
            ) : (
              <>
                <Table<Stale>
                  rowKey="id"
                  size="middle"
                  dataSource={stale}
                  columns={[
                    { title: t('ful.shipment'), dataIndex: 'number' },
                    { title: t('ful.carrier'), dataIndex: 'carrier' },
                    { title: t('ful.trackingNo'), dataIndex: 'trackingNo' },
                    {
                      title: t('ful.shipped'),
                      dataIndex: 'shippedAt',
                      render: dateTime,
                    },
                    {
                      title: t('ful.lastEvent'),
                      dataIndex: 'lastEventAt',
                      render: dateTime,
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'rules',
            label: t('ful.carrierRules'),
            children: (
              <>
                <Table<Rule>
                  rowKey="key"
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={rules}
                  data-testid="carrier-rules"
                  columns={[
                    {
                      title: t('ful.region'),
                      dataIndex: 'region',
                      render: (v: string, r) => (
                        <Input
                          value={v}
                          disabled={!logistics}
                          maxLength={50}
                          data-testid="rule-region"
                          onChange={(e) => edit(r.key, { region: e.target.value })}
                        />
                      ),
                    },
                    {
                      title: t('ful.carrier'),
                      dataIndex: 'carrier',
                      render: (v: string, r) => (
                        <Input
                          value={v}
                          disabled={!logistics}
                          maxLength={50}
                          data-testid="rule-carrier"
                          onChange={(e) => edit(r.key, { carrier: e.target.value })}
                        />
                      ),
                    },
                    {
                      title: t('ful.transitDays'),
                      dataIndex: 'transitDays',
                      render: (v: number | undefined, r) => (
                        <InputNumber
                          value={v}
                          min={0}
                          max={60}
                          precision={0}
                          placeholder="3"
                          disabled={!logistics}
                          data-testid="rule-transit-days"
                          onChange={(d) => edit(r.key, { transitDays: d ?? undefined })}
                        />
                      ),
                    },
                    {
                      title: '',
                      key: 'x',
                      width: 80,
                      render: (_: unknown, r) =>
                        logistics && (
                          <Button size="small" onClick={() => setRules(rules.filter((x) => x.key !== r.key))}>
                            {t('common.delete')}
                          </Button>
                        ),
                    },
                  ]}
                />
                {logistics && (
                  <Space style={{ marginTop: 12 }}>
                    <Button
                      data-testid="rule-add"
                      onClick={() =>
                        setRules([
                          ...rules,
                          { key: Math.max(0, ...rules.map((r) => r.key)) + 1, region: '', carrier: '' },
                        ])
                      }
                    >
                      {t('common.add')}
                    </Button>
                    <Button type="primary" data-testid="rules-save" onClick={saveRules}>
                      {t('common.save')}
                    </Button>
                  </Space>
                )}
              </>
            ),
          },
        ]}
      />
      <Modal
        open={!!closing}
        {...phoneModal(phone)}
        title={t('ful.closeException')}
        onCancel={() => setClosing(undefined)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'exception-close-ok' } as never}
        onOk={async () => {
          const v = await form.validateFields();
          try {
            await shippingApi.closeException(closing!.id, {
              result: v.result,
              customerInformed: !!v.customerInformed,
            });
            setClosing(undefined);
            form.resetFields();
            await load();
          } catch (e) {
            message.error((e as Error).message);
          }
        }}
      >
        <Form form={form} layout="vertical" initialValues={{ customerInformed: closing?.customerInformed }}>
          <Form.Item name="result" label={t('ful.result')} rules={[{ required: true }]}>
            <Input.TextArea maxLength={500} data-testid="exception-result" />
          </Form.Item>
          <Form.Item name="customerInformed" valuePropName="checked">
            <Checkbox>{t('ful.customerInformed')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
