import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { webhooksApi, type SubscribeBody, type WebhookDelivery, type WebhookSubscription } from '../api/webhooks';
import { PageHeader } from '../components/PageHeader';
import { ServerTable } from '../components/ServerTable';
import { FormModal } from '../components/FormModal';
import { dateTime } from '../format';

type Subscription = WebhookSubscription;
type Delivery = WebhookDelivery;
type SubscribeForm = SubscribeBody;
const STATUS_COLOR = { pending: 'processing', delivered: 'success', dead: 'error' } as const;

/** 系统 → Webhook 订阅: integrators' URLs, the events they hear, and every delivery with its answer. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [items, setItems] = useState<Subscription[]>([]);
  const [eventTypes, setEventTypes] = useState<string[]>([]);
  const [loading, setLoading] = useState(false);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string>();
  const [open, setOpen] = useState<Subscription>();
  const [reload, setReload] = useState(0);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const r = await webhooksApi.list();
      setItems(r.items);
      setEventTypes(r.eventTypes);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => void load(), [load]);

  const unsubscribe = (s: Subscription) =>
    modal.confirm({
      title: t('webhooks.unsubscribe'),
      content: t('webhooks.unsubscribeConfirm'),
      okButtonProps: { danger: true, 'data-testid': 'webhook-unsubscribe-ok' } as never,
      onOk: async () => {
        await webhooksApi.unsubscribe(s.id);
        message.success(t('webhooks.unsubscribed'));
        await load();
      },
    });

  const redeliver = async (d: Delivery) => {
    await webhooksApi.redeliver(d.id);
    message.success(t('webhooks.redelivered'));
    setReload((n) => n + 1);
  };

  return (
    <>
      <PageHeader
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="webhook-new">
            {t('webhooks.subscribe')}
          </Button>
        }
      />
      <Table<Subscription>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="webhooks-table"
        locale={{ emptyText: t('webhooks.empty') }}
        columns={[
          {
            title: t('webhooks.url'),
            dataIndex: 'url',
            render: (u: string) => <Typography.Text code>{u}</Typography.Text>,
          },
          {
            title: t('webhooks.events'),
            dataIndex: 'events',
            render: (events: string[]) =>
              events.map((e) => <Tag key={e}>{e === '*' ? t('webhooks.allEvents') : e}</Tag>),
          },
          { title: t('webhooks.description'), dataIndex: 'description' },
          { title: t('webhooks.createdAt'), dataIndex: 'createdAt', render: dateTime },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, s: Subscription) => (
              <Space>
                <Button size="small" onClick={() => setOpen(s)} data-testid="webhook-deliveries">
                  {t('webhooks.deliveries')}
                </Button>
                <Button size="small" danger onClick={() => unsubscribe(s)}>
                  {t('webhooks.unsubscribe')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <FormModal<SubscribeForm>
        open={creating}
        title={t('webhooks.subscribe')}
        testId="webhook-form"
        onClose={() => setCreating(false)}
        onSubmit={async (v) => {
          const r = await webhooksApi.subscribe(v);
          setSecret(r.secret);
        }}
        onSaved={() => {
          setCreating(false);
          void load();
        }}
      >
        {() => (
          <>
            <Form.Item
              name="url"
              label={t('webhooks.url')}
              rules={[{ required: true }, { pattern: /^https?:\/\/[^\s/]+\S*$/, message: t('webhooks.urlRule') }]}
            >
              <Input placeholder="https://erp.example.com/luyue/events" />
            </Form.Item>
            <Form.Item name="events" label={t('webhooks.events')} rules={[{ required: true }]}>
              <Select
                mode="multiple"
                options={[
                  { value: '*', label: t('webhooks.allEvents') },
                  ...eventTypes.map((e) => ({ value: e, label: e })),
                ]}
              />
            </Form.Item>
            <Form.Item name="description" label={t('webhooks.description')}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
      </FormModal>
      <Modal
        open={!!secret}
        title={t('webhooks.secretTitle')}
        onOk={() => setSecret(undefined)}
        onCancel={() => setSecret(undefined)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Typography.Paragraph copyable code data-testid="webhook-secret">
          {secret}
        </Typography.Paragraph>
        <Alert type="info" showIcon title={t('webhooks.secretHint')} />
      </Modal>
      <Drawer
        open={!!open}
        onClose={() => setOpen(undefined)}
        size="large"
        title={`${t('webhooks.deliveries')} · ${open?.url ?? ''}`}
      >
        {open && (
          <ServerTable<Delivery>
            url={webhooksApi.deliveriesUrl(open.id)}
            rowKey="id"
            reloadKey={reload}
            testId="webhook-deliveries-table"
            columns={[
              { title: t('webhooks.occurredAt'), dataIndex: 'occurredAt', render: dateTime },
              { title: t('webhooks.event'), dataIndex: 'type' },
              {
                title: t('webhooks.status'),
                dataIndex: 'status',
                render: (s: Delivery['status']) => (
                  <Tag color={STATUS_COLOR[s]}>{t(`webhooks.deliveryStatus.${s}`)}</Tag>
                ),
              },
              { title: t('webhooks.attempts'), dataIndex: 'attempts', align: 'right' },
              { title: t('webhooks.code'), dataIndex: 'lastStatusCode' },
              { title: t('webhooks.lastError'), dataIndex: 'lastError', ellipsis: true },
              {
                title: t('webhooks.nextAttemptAt'),
                key: 'when',
                render: (_: unknown, d: Delivery) => dateTime(d.deliveredAt ?? d.nextAttemptAt),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, d: Delivery) =>
                  d.actions.includes('redeliver') && (
                    <Button size="small" onClick={() => void redeliver(d)}>
                      {t('webhooks.redeliver')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </Drawer>
    </>
  );
}
