import { App, Button, Form, Input, Modal, Radio, Rate, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';

const COMPLAINT_TYPES = ['short', 'damage', 'wrong_item', 'quality', 'late'];

type Callback = {
  id: string;
  orderId: string;
  orderNumber: string;
  customerName: string;
  dueAt: string;
  late: boolean;
  status: string;
  outcome: string | null;
  actions: string[];
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
  closeResult: string | null;
  satisfaction: number | null;
  actions: string[];
};

/**
 * 客服: call-backs due within 24 h of delivery, and complaints resolved within 2 working days, then closed with
 * their result and the customer's satisfaction. Buttons come from each row's `actions`.
 */
export function ServicePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [callbacks, setCallbacks] = useState<Callback[]>([]);
  const [complaints, setComplaints] = useState<Complaint[]>([]);
  const [calling, setCalling] = useState<Callback>();
  const [resolving, setResolving] = useState<Complaint>();
  const [closing, setClosing] = useState<Complaint>();
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
      setClosing(undefined);
      form.resetFields();
      await load();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

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
                  {
                    title: t('common.actions'),
                    key: 'a',
                    render: (_: unknown, c: Callback) =>
                      c.actions.includes('record') && (
                        <Button size="small" type="primary" data-testid="callback-record" onClick={() => setCalling(c)}>
                          {t('ful.callbacks')}
                        </Button>
                      ),
                  },
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
                  {
                    title: t('ful.complaintType'),
                    dataIndex: 'type',
                    render: (x: string) => t(`feedback.complaintType.${x}`),
                  },
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
                    render: (s: string, c) =>
                      [
                        t(`feedback.complaintStatus.${s}`),
                        c.resolution && t(`ful.${c.resolution}`),
                        c.satisfaction && t(`feedback.satisfactionLevel.${c.satisfaction}`),
                      ]
                        .filter(Boolean)
                        .join(' · '),
                  },
                  { title: t('feedback.result'), dataIndex: 'closeResult' },
                  {
                    title: t('common.actions'),
                    key: 'a',
                    render: (_: unknown, c: Complaint) => (
                      <Space>
                        {c.actions.includes('resolve') && (
                          <Button size="small" data-testid="complaint-resolve" onClick={() => setResolving(c)}>
                            {t('ful.resolve')}
                          </Button>
                        )}
                        {c.actions.includes('close') && (
                          <Button size="small" data-testid="complaint-close" onClick={() => setClosing(c)}>
                            {t('feedback.close')}
                          </Button>
                        )}
                      </Space>
                    ),
                  },
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
                <Select options={COMPLAINT_TYPES.map((x) => ({ value: x, label: t(`feedback.complaintType.${x}`) }))} />
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
      <Modal
        open={!!closing}
        title={`${t('feedback.close')} ${closing?.orderNumber ?? ''}`}
        onCancel={() => setClosing(undefined)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'complaint-close-ok' } as never}
        onOk={async () => {
          const v = await form.validateFields();
          await submit(() => api.post(`/api/complaints/${closing!.id}/close`, v));
        }}
      >
        <Form form={form} layout="vertical" initialValues={{ satisfaction: 4 }}>
          <Form.Item name="result" label={t('feedback.result')} rules={[{ required: true, max: 500 }]}>
            <Input.TextArea rows={3} data-testid="complaint-result" />
          </Form.Item>
          <Form.Item name="satisfaction" label={t('feedback.satisfaction')} rules={[{ required: true }]}>
            <Rate count={5} tooltips={[1, 2, 3, 4, 5].map((n) => t(`feedback.satisfactionLevel.${n}`))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
