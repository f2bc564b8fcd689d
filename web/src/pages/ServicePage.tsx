import { App, Button, Form, Input, Modal, Radio, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useSession } from '../auth/session';

type Callback = {
  id: string;
  orderId: string;
  orderNumber: string;
  customerName: string;
  dueAt: string;
  late: boolean;
  status: string;
  outcome: string | null;
};
type Complaint = {
  id: string;
  orderId: string;
  orderNumber: string;
  type: string;
  description: string;
  status: string;
  dueAt: string;
  late: boolean;
  resolution: string | null;
};

/** 客服: call-backs due within 24 h of delivery, and complaints resolved within 2 working days. */
export function ServicePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [callbacks, setCallbacks] = useState<Callback[]>([]);
  const [complaints, setComplaints] = useState<Complaint[]>([]);
  const [calling, setCalling] = useState<Callback>();
  const [resolving, setResolving] = useState<Complaint>();
  const [form] = Form.useForm();
  const outcome = Form.useWatch('outcome', form);
  const resolution = Form.useWatch('resolution', form);
  const load = useCallback(async () => {
    setCallbacks(await api.get<Callback[]>('/api/callbacks', { status: 'open' }));
    setComplaints(await api.get<Complaint[]>('/api/complaints'));
  }, []);
  useEffect(() => void load(), [load]);
  const submit = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(t('common.saved'));
      setCalling(undefined);
      setResolving(undefined);
      form.resetFields();
      await load();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const service = can('customer_service');

  return (
    <>
      <Typography.Title level={4}>{t('menu.service')}</Typography.Title>
      <Tabs
        items={[
          {
            key: 'cb',
            label: t('ful.callbacks'),
            children: (
              <Table<Callback>
                rowKey="id"
                dataSource={callbacks}
                size="middle"
                data-testid="callbacks"
                columns={[
                  {
                    title: t('order.number'),
                    dataIndex: 'orderNumber',
                    render: (n: string, c) => <Link to={`/orders/${c.orderId}`}>{n}</Link>,
                  },
                  { title: t('order.customer'), dataIndex: 'customerName' },
                  {
                    title: t('order.due'),
                    dataIndex: 'dueAt',
                    render: (d: string, c) => (
                      <span style={{ color: c.late ? 'red' : undefined }}>{new Date(d).toLocaleString()}</span>
                    ),
                  },
                  ...(service
                    ? [
                        {
                          title: t('common.actions'),
                          key: 'a',
                          render: (_: unknown, c: Callback) => (
                            <Button
                              size="small"
                              type="primary"
                              data-testid="callback-record"
                              onClick={() => setCalling(c)}
                            >
                              {t('ful.callbacks')}
                            </Button>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            ),
          },
          {
            key: 'cp',
            label: t('ful.complaints'),
            children: (
              <Table<Complaint>
                rowKey="id"
                dataSource={complaints}
                size="middle"
                columns={[
                  {
                    title: t('order.number'),
                    dataIndex: 'orderNumber',
                    render: (n: string, c) => <Link to={`/orders/${c.orderId}`}>{n}</Link>,
                  },
                  { title: t('ful.complaintType'), dataIndex: 'type' },
                  { title: t('ful.description'), dataIndex: 'description' },
                  {
                    title: t('order.due'),
                    dataIndex: 'dueAt',
                    render: (d: string, c) => (
                      <>
                        {new Date(d).toLocaleString()}
                        {c.late && <Tag color="red">{t('ful.late')}</Tag>}
                      </>
                    ),
                  },
                  {
                    title: t('order.status'),
                    dataIndex: 'status',
                    render: (s: string, c) => `${s}${c.resolution ? ` · ${t(`ful.${c.resolution}`)}` : ''}`,
                  },
                  ...(service
                    ? [
                        {
                          title: t('common.actions'),
                          key: 'a',
                          render: (_: unknown, c: Complaint) =>
                            c.status === 'open' && (
                              <Button size="small" onClick={() => setResolving(c)}>
                                {t('ful.resolve')}
                              </Button>
                            ),
                        },
                      ]
                    : []),
                ]}
              />
            ),
          },
        ]}
      />
      <Modal
        open={!!calling}
        title={`${t('ful.callbacks')} ${calling?.orderNumber ?? ''}`}
        onCancel={() => setCalling(undefined)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'callback-ok' } as never}
        onOk={async () => {
          const v = await form.validateFields();
          await submit(() =>
            api.post(
              `/api/callbacks/${calling!.id}`,
              v.outcome === 'ok'
                ? { outcome: 'ok', notes: v.notes }
                : { outcome: 'problem', notes: v.notes, complaint: { type: v.type, description: v.description } },
            ),
          );
        }}
      >
        <Form form={form} layout="vertical" initialValues={{ outcome: 'ok', type: 'damage' }}>
          <Form.Item name="outcome">
            <Radio.Group
              options={[
                { value: 'ok', label: t('ful.outcomeOk') },
                { value: 'problem', label: t('ful.outcomeProblem') },
              ]}
            />
          </Form.Item>
          <Form.Item name="notes" label={t('customer.remark')}>
            <Input />
          </Form.Item>
          {outcome === 'problem' && (
            <>
              <Form.Item name="type" label={t('ful.complaintType')}>
                <Select
                  options={['short', 'damage', 'wrong_item', 'quality', 'late'].map((x) => ({ value: x, label: x }))}
                />
              </Form.Item>
              <Form.Item name="description" label={t('ful.description')} rules={[{ required: true }]}>
                <Input.TextArea />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
      <Modal
        open={!!resolving}
        title={t('ful.resolve')}
        onCancel={() => setResolving(undefined)}
        destroyOnHidden
        onOk={async () => {
          const v = await form.validateFields();
          await submit(() => api.post(`/api/complaints/${resolving!.id}/resolve`, v));
        }}
      >
        <Form form={form} layout="vertical" initialValues={{ resolution: 'reship' }}>
          <Form.Item name="resolution">
            <Radio.Group options={['reship', 'return', 'allowance'].map((x) => ({ value: x, label: t(`ful.${x}`) }))} />
          </Form.Item>
          {resolution === 'allowance' && (
            <Form.Item name="amount" label={t('ful.amount')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          )}
          <Form.Item name="reason" label={t('order.reason')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
