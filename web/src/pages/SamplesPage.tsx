import { App, Button, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { samplesApi, type SampleLoan, type SampleStatus } from '../api/samples';
import { PageHeader } from '../components/PageHeader';
import { StatusTag } from '../components/StatusTag';
import { dateTime } from '../format';

const when = (s: string | null) => dateTime(s);

/** 样机跟踪: free samples out with customers until the warehouse takes them back or finance writes them off. */
export function SamplesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<SampleStatus | undefined>('out');
  const [items, setItems] = useState<SampleLoan[]>([]);
  const [writingOff, setWritingOff] = useState<SampleLoan>();
  const [form] = Form.useForm<{ reason: string }>();
  const load = useCallback(async () => setItems(await samplesApi.list(status)), [status]);
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
      <PageHeader
        title={t('special.samples')}
        extra={
          <Select
            allowClear
            style={{ width: 160 }}
            value={status}
            onChange={setStatus}
            options={['out', 'returned', 'written_off'].map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
        }
      />
      <Table<SampleLoan>
        rowKey="id"
        locale={{ emptyText: t('emptyHint.samples') }}
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
                  <Button size="small" onClick={() => run(() => samplesApi.returned(r.id))}>
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
          await run(() => samplesApi.writeOff(writingOff!.id, reason));
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
