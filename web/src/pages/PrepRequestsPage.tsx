import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customersApi, type Customer } from '../api/customers';
import { prepApi, type PrepDetail, type PrepInput, type PrepRequest } from '../api/prep';
import { productsApi, type Product } from '../api/products';
import { PageHeader } from '../components/PageHeader';
import { FormModal } from '../components/FormModal';
import { RemoteSelect } from '../components/RemoteSelect';
import { StatusTag } from '../components/StatusTag';
import { useSession } from '../auth/session';
import { yuan } from '../format';

type NewPrep = {
  kind: 'stock' | 'material';
  customerId?: string;
  forecastNote?: string;
  expectedDate: string;
  lines: { productId: string; qty: number }[];
};
const APPROVALS = ['approve_director', 'escalate_gm', 'approve_gm'];

/** What became of an approved request: its production requests and the stock earmarked for its customer. */
function PrepProgress({ id }: { id: string }) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState<PrepDetail>();
  useEffect(() => void prepApi.get(id).then(setDetail), [id]);
  if (!detail) return null;
  const skuOf = (productId: string) => detail.lines.find((l) => l.productId === productId)?.sku ?? '';
  return (
    <Space orientation="vertical" size={4}>
      {detail.productionRequests.map((p) => (
        <span key={p.id}>
          <StatusTag status={p.status} /> {p.sku} × {p.qty} {p.completionDate ?? ''}
        </span>
      ))}
      {detail.earmarks.map((e) => (
        <span key={e.id}>
          {skuOf(e.productId)} · {t('special.earmarked', { qty: `${e.remaining}/${e.qty}` })}
        </span>
      ))}
      {detail.decisionReason && <span>{detail.decisionReason}</span>}
    </Space>
  );
}

/** 备货 · 备料: requests without a sales order, raised by sales, decided by the director (and the GM above a limit). */
export function PrepRequestsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const [items, setItems] = useState<PrepRequest[]>([]);
  const [creating, setCreating] = useState(false);
  const [rejecting, setRejecting] = useState<PrepRequest>();
  const [reason, setReason] = useState('');
  const load = useCallback(async () => setItems(await prepApi.list()), []);
  useEffect(() => void load(), [load]);

  const decide = async (r: PrepRequest, decision: 'approve' | 'reject', why?: string) => {
    try {
      await prepApi.review(r.id, { decision, ...(why ? { reason: why } : {}) });
      message.success(t('common.saved'));
      setRejecting(undefined);
      await load();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <>
      <PageHeader
        title={t('special.prepRequests')}
        extra={
          can('sales_assistant', 'sales_director') && (
            <Button type="primary" data-testid="prep-new" onClick={() => setCreating(true)}>
              {t('special.newPrep')}
            </Button>
          )
        }
      />
      <Table<PrepRequest>
        rowKey="id"
        locale={{ emptyText: t('emptyHint.prepRequests') }}
        size="middle"
        dataSource={items}
        data-testid="prep-requests"
        expandable={{ expandedRowRender: (r) => <PrepProgress id={r.id} /> }}
        columns={[
          { title: t('order.number'), dataIndex: 'number' },
          { title: t('special.kind'), dataIndex: 'kind', render: (k: string) => t(`special.prepKind.${k}`) },
          {
            title: t('order.customer'),
            key: 'customer',
            render: (_: unknown, r) => r.customer?.name ?? t('special.noCustomer'),
          },
          {
            title: t('order.lines'),
            key: 'lines',
            render: (_: unknown, r) => r.lines.map((l) => `${l.sku} × ${l.qty}`).join('；'),
          },
          { title: t('special.amount'), dataIndex: 'amount', align: 'right', render: (a: string) => yuan(a) },
          { title: t('special.expectedDate'), dataIndex: 'expectedDate' },
          { title: t('special.forecastNote'), dataIndex: 'forecastNote' },
          { title: t('special.requestedBy'), key: 'by', render: (_: unknown, r) => r.requestedBy.name },
          { title: t('order.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r) => (
              <Space>
                {r.actions.some((a) => APPROVALS.includes(a)) && (
                  <Button size="small" type="primary" onClick={() => decide(r, 'approve')}>
                    {t('special.approve')}
                  </Button>
                )}
                {r.actions.includes('reject') && (
                  <Button
                    size="small"
                    danger
                    onClick={() => {
                      setReason('');
                      setRejecting(r);
                    }}
                  >
                    {t('special.reject')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!rejecting}
        title={t('special.reject')}
        onCancel={() => setRejecting(undefined)}
        onOk={() => decide(rejecting!, 'reject', reason)}
        okButtonProps={{ disabled: !reason.trim() }}
      >
        <Input.TextArea
          value={reason}
          placeholder={t('special.decisionReason')}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
      <FormModal<NewPrep>
        open={creating}
        title={t('special.newPrep')}
        initial={{ kind: 'stock', lines: [{ productId: undefined as never, qty: 1 }] }}
        onClose={() => setCreating(false)}
        onSubmit={(v) =>
          prepApi.create({
            ...v,
            customerId: v.customerId || undefined,
            forecastNote: v.forecastNote ?? '',
          } as PrepInput)
        }
        onSaved={() => {
          setCreating(false);
          void load();
        }}
        testId="prep-form"
      >
        {() => (
          <>
            <Space wrap align="start">
              <Form.Item name="kind" label={t('special.kind')} rules={[{ required: true }]}>
                <Select
                  style={{ width: 120 }}
                  options={['stock', 'material'].map((k) => ({ value: k, label: t(`special.prepKind.${k}`) }))}
                />
              </Form.Item>
              <Form.Item name="customerId" label={t('order.customer')}>
                <RemoteSelect<Customer> url={customersApi.listUrl} label={(c) => `${c.shortCode} ${c.name}`} />
              </Form.Item>
              <Form.Item name="expectedDate" label={t('special.expectedDate')} rules={[{ required: true }]}>
                <Input type="date" />
              </Form.Item>
            </Space>
            <Form.Item name="forecastNote" label={t('special.forecastNote')} rules={[{ max: 1000 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.List name="lines">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline">
                      <Form.Item name={[f.name, 'productId']} rules={[{ required: true }]}>
                        <RemoteSelect<Product>
                          url={productsApi.listUrl}
                          label={(p) => `${p.sku} ${p.name}`}
                          placeholder={t('order.product')}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'qty']} rules={[{ required: true }, { type: 'integer', min: 1 }]}>
                        <InputNumber min={1} precision={0} placeholder={t('order.qty')} />
                      </Form.Item>
                      {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ qty: 1 })}>
                    {t('stock.addLine')}
                  </Button>
                </>
              )}
            </Form.List>
          </>
        )}
      </FormModal>
    </>
  );
}
