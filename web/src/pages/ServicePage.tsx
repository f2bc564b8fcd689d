import { App, Button, Empty, Form, Input, List, Modal, Radio, Rate, Select, Space, Table, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { feedbackApi, type Callback, type Complaint } from '../api/feedback';
import { yuan } from '../format';
import { PageHeader } from '../components/PageHeader';
import { ServerTable } from '../components/ServerTable';
import { dateTime } from '../format';
import { BIG, OpsCard, phoneModal, usePhone } from './ops/phone';
import { ListFilters, type ListFilter } from './ops/ShipmentFilters';

const COMPLAINT_TYPES = ['short', 'damage', 'wrong_item', 'quality', 'late'];

/**
 * 客服: call-backs due within 24 h of delivery, and complaints resolved within 2 working days, then closed with
 * their result and the customer's satisfaction. Buttons come from each row's `actions`.
 */
export function ServicePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [callbacks, setCallbacks] = useState<Callback[]>([]);
  const phone = usePhone();
  const [filter, setFilter] = useState<ListFilter>({});
  const [reload, setReload] = useState(0);
  const [calling, setCalling] = useState<Callback>();
  const [resolving, setResolving] = useState<Complaint>();
  const [closing, setClosing] = useState<Complaint>();
  const [form] = Form.useForm();
  const outcome = Form.useWatch('outcome', form);
  const resolution = Form.useWatch('resolution', form);
  const load = useCallback(async () => {
    setCallbacks(await feedbackApi.openCallbacks());
    setReload((n) => n + 1);
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

  const big = phone ? BIG : {};
  const complaintActions = (c: Complaint) => [
    c.actions.includes('resolve') && (
      <Button
        key="resolve"
        size={phone ? 'large' : 'small'}
        {...big}
        data-testid="complaint-resolve"
        onClick={() => setResolving(c)}
      >
        {t('ful.resolve')}
      </Button>
    ),
    c.actions.includes('close') && (
      <Button
        key="close"
        size={phone ? 'large' : 'small'}
        {...big}
        data-testid="complaint-close"
        onClick={() => setClosing(c)}
      >
        {t('feedback.close')}
      </Button>
    ),
  ];

  return (
    <>
      <PageHeader />
      <Tabs
        items={[
          {
            key: 'cb',
            label: t('ful.callbacks'),
            children: phone ? (
              <List<Callback>
                dataSource={callbacks}
                data-testid="callbacks"
                locale={{
                  emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ops.empty.callbacks')} />,
                }}
                renderItem={(c) => (
                  <List.Item style={{ padding: '0 0 8px', borderBlockEnd: 'none' }}>
                    <OpsCard
                      testId="callback-card"
                      title={<Link to={`/orders/${c.orderId}`}>{c.orderNumber}</Link>}
                      tag={c.late && <Tag color="red">{t('ful.late')}</Tag>}
                      fields={[
                        { label: t('order.customer'), value: c.customerName },
                        { label: t('order.due'), value: dateTime(c.dueAt) },
                      ]}
                      actions={
                        c.actions.includes('record') && (
                          <Button type="primary" {...BIG} data-testid="callback-record" onClick={() => setCalling(c)}>
                            {t('ful.callbacks')}
                          </Button>
                        )
                      }
                    />
                  </List.Item>
                )}
              />
            ) : (
              <Table<Callback>
                locale={{
                  emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ops.empty.callbacks')} />,
                }}
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
                    render: (d: string, c) => <span style={{ color: c.late ? 'red' : undefined }}>{dateTime(d)}</span>,
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
              <>
                <ListFilters
                  value={filter}
                  onChange={setFilter}
                  phone={phone}
                  statuses={['open', 'resolved', 'closed'].map((x) => [x, t(`feedback.complaintStatus.${x}`)])}
                />
                <ServerTable<Complaint>
                  url={feedbackApi.complaintsUrl}
                  rowKey="id"
                  testId="complaints"
                  filters={filter}
                  reloadKey={reload}
                  exportUrl={feedbackApi.complaintsExportUrl}
                  exportFiltered
                  empty={t('ops.empty.complaints')}
                  card={(c) => (
                    <OpsCard
                      testId="complaint-card"
                      title={<Link to={`/orders/${c.orderId}`}>{c.orderNumber}</Link>}
                      tag={<Tag color={c.late ? 'red' : undefined}>{t(`feedback.complaintStatus.${c.status}`)}</Tag>}
                      fields={[
                        { label: t('order.customer'), value: c.customerName },
                        { label: t('ful.complaintType'), value: t(`feedback.complaintType.${c.type}`) },
                        { label: t('ful.description'), value: c.description },
                        { label: t('order.due'), value: dateTime(c.dueAt) },
                        ...(c.closeResult ? [{ label: t('feedback.result'), value: c.closeResult }] : []),
                      ]}
                      actions={complaintActions(c)}
                    />
                  )}
                  columns={[
                    {
                      title: t('order.number'),
                      dataIndex: 'orderNumber',
                      render: (n: string, c) => <Link to={`/orders/${c.orderId}`}>{n}</Link>,
                    },
                    { title: t('order.customer'), dataIndex: 'customerName' },
                    {
                      title: t('ful.complaintType'),
                      dataIndex: 'type',
                      render: (x: string) => t(`feedback.complaintType.${x}`),
                    },
                    { title: t('ful.description'), dataIndex: 'description' },
                    { title: t('ops.registeredAt'), dataIndex: 'createdAt', render: dateTime },
                    {
                      title: t('order.due'),
                      dataIndex: 'dueAt',
                      render: (d: string, c) => (
                        <>
                          {dateTime(d)}
                          {c.late && <Tag color="red">{t('ful.late')}</Tag>}
                        </>
                      ),
                    },
                    {
                      title: t('order.status'),
                      dataIndex: 'status',
                      render: (st: string, c) =>
                        [
                          t(`feedback.complaintStatus.${st}`),
                          c.resolution && t(`ful.${c.resolution}`),
                          c.amount && yuan(c.amount),
                          c.satisfaction && t(`feedback.satisfactionLevel.${c.satisfaction}`),
                        ]
                          .filter(Boolean)
                          .join(' · '),
                    },
                    { title: t('feedback.result'), dataIndex: 'closeResult' },
                    {
                      title: t('common.actions'),
                      key: 'a',
                      render: (_: unknown, c: Complaint) => <Space>{complaintActions(c)}</Space>,
                    },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
      <Modal
        open={!!calling}
        {...phoneModal(phone)}
        title={`${t('ful.callbacks')} ${calling?.orderNumber ?? ''}`}
        onCancel={() => setCalling(undefined)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'callback-ok' } as never}
        onOk={async () => {
          const v = await form.validateFields();
          await submit(() =>
            feedbackApi.recordCallback(
              calling!.id,
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
        {...phoneModal(phone)}
        title={t('ful.resolve')}
        onCancel={() => setResolving(undefined)}
        destroyOnHidden
        onOk={async () => {
          const v = await form.validateFields();
          await submit(() => feedbackApi.resolve(resolving!.id, v));
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
        {...phoneModal(phone)}
        title={`${t('feedback.close')} ${closing?.orderNumber ?? ''}`}
        onCancel={() => setClosing(undefined)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'complaint-close-ok' } as never}
        onOk={async () => {
          const v = await form.validateFields();
          await submit(() => feedbackApi.close(closing!.id, v));
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
