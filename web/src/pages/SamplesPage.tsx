import { App, Button, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { SampleLoan } from '../api/types';
import { StatusTag } from '../components/StatusTag';

const when = (s: string | null) => (s ? new Date(s).toLocaleString() : '');

/** 样机跟踪: free samples out with customers until the warehouse takes them back or finance writes them off. */
export function SamplesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<string | undefined>('out');
  const [items, setItems] = useState<SampleLoan[]>([]);
  const [writingOff, setWritingOff] = useState<SampleLoan>();
  const [form] = Form.useForm<{ reason: string }>();
  const load = useCallback(
    async () => setItems(await api.get<SampleLoan[]>('/api/samples', status ? { status } : {})),
    [status],
  );
  useEffect(() => void load(), [load]);

  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(t('common.saved'));
      await load();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4}>{t('special.samples')}</Typography.Title>
        <Select
          allowClear
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={['out', 'returned', 'written_off'].map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
      </Space>
      <Table<SampleLoan>
        rowKey="id"
        size="middle"
        dataSource={items}
        data-testid="sample-loans"
        columns={[
          {
            title: t('order.number'),
            dataIndex: 'orderNumber',
            render: (n: string, r) => <Link to={`/orders/${r.orderId}`}>{n}</Link>,
          },
          { title: t('order.customer'), dataIndex: 'customerName' },
          { title: 'SKU', dataIndex: 'sku' },
          { title: t('order.product'), dataIndex: 'productName' },
          { title: t('order.qty'), dataIndex: 'qty', align: 'right' },
          { title: t('order.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
          { title: t('special.outAt'), dataIndex: 'outAt', render: when },
          {
            title: t('special.closedAt'),
            key: 'closed',
            render: (_: unknown, r) => `${when(r.returnedAt ?? r.writtenOffAt)} ${r.reason ?? ''}`,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r) => (
              <Space>
                {r.actions.includes('return') && (
                  <Button size="small" onClick={() => run(() => api.post(`/api/samples/${r.id}/return`, {}))}>
                    {t('special.sampleReturn')}
                  </Button>
                )}
                {r.actions.includes('write_off') && (
                  <Button
                    size="small"
                    danger
                    onClick={() => {
                      form.resetFields();
                      setWritingOff(r);
                    }}
                  >
                    {t('special.sampleWriteOff')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!writingOff}
        title={t('special.sampleWriteOff')}
        destroyOnHidden
        onCancel={() => setWritingOff(undefined)}
        onOk={async () => {
          const { reason } = await form.validateFields();
          await run(() => api.post(`/api/samples/${writingOff!.id}/write-off`, { reason }));
          setWritingOff(undefined);
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('special.writeOffReason')} rules={[{ required: true, max: 500 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
