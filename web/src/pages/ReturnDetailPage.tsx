import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Upload,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { attachmentsApi } from '../api/attachments';
import { returnsApi, type ReturnAction } from '../api/returns';
import type { ReturnDoc, ReturnHistoryRow, ReturnLine } from '../api/types';
import { returnTimelineItem } from './OrderReturns';
import { ActionButton } from '../components/ActionButton';
import { PageHeader } from '../components/PageHeader';
import { yuan } from './CustomerCredit';
import { dateTime } from '../format';

// Approvals ask first (the refund's with an optional comment); the rest of these need input.
const NEEDS_FORM = ['approve', 'reject', 'ship', 'inspect', 'approve_refund', 'refund'];

/** 退货单: lines, policy, inspection and refund; the buttons are the `actions` the server allows this user. */
export function ReturnDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id } = useParams();
  const [doc, setDoc] = useState<ReturnDoc>();
  const [acting, setActing] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [warehouses, setWarehouses] = useState<{ id: string; code: string; name: string }[]>([]);
  const [form] = Form.useForm();

  const [history, setHistory] = useState<ReturnHistoryRow[]>([]);
  const load = useCallback(async () => {
    setDoc(await returnsApi.get(id!));
    setHistory(await returnsApi.history(id!));
  }, [id]);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (acting === 'inspect') void returnsApi.warehouses().then((p) => setWarehouses(p.items));
  }, [acting]);
  if (!doc) return null;

  const post = (action: string, body: Record<string, unknown> = {}) => {
    const given = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== '' && v !== undefined));
    const payload = action === 'approve' || action === 'reject' ? { decision: action, reason: body.reason } : given;
    return returnsApi.act(doc.id, action as ReturnAction, payload);
  };
  // One request per OK: the dialog's button spins and further clicks wait for the answer.
  const run = async (action: string, body: Record<string, unknown> = {}) => {
    if (busy) return;
    setBusy(true);
    try {
      await post(action, body);
      message.success(t(`orderPage.done.return.${action}`));
      setActing(undefined);
      form.resetFields();
      await load();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const p = doc.policy;

  return (
    <>
      <PageHeader
        title={<span data-testid="return-number">{`${t('returns.title')} ${doc.number}`}</span>}
        tags={<Tag data-testid="return-status">{t(`returns.status.${doc.status}`)}</Tag>}
        extra={
          <>
            {doc.actions.map((a) =>
              NEEDS_FORM.includes(a) ? (
                <Button
                  key={a}
                  type={a === 'reject' ? 'default' : 'primary'}
                  danger={a === 'reject'}
                  data-testid={`return-action-${a}`}
                  onClick={() => setActing(a)}
                >
                  {t(`returns.actions.${a}`)}
                </Button>
              ) : (
                <ActionButton
                  key={a}
                  type={a === 'close' ? 'default' : 'primary'}
                  data-testid={`return-action-${a}`}
                  run={() => post(a)}
                  success={t(`orderPage.done.return.${a}`)}
                  onDone={load}
                >
                  {t(`returns.actions.${a}`)}
                </ActionButton>
              ),
            )}
            <Button href={returnsApi.formUrl(doc.id)} target="_blank">
              {t('returns.print')}
            </Button>
          </>
        }
      />
      <Descriptions
        style={{ marginTop: 16 }}
        size="small"
        bordered
        column={{ xs: 1, md: 3 }}
        items={[
          { label: t('returns.order'), children: <Link to={`/orders/${doc.orderId}`}>{doc.orderNumber}</Link> },
          { label: t('returns.customer'), children: doc.customerName },
          { label: t('returns.createdAt'), children: dateTime(doc.createdAt) },
          {
            label: t('returns.policy'),
            children: p ? (
              <span data-testid="return-policy">
                {p.inPolicy ? t('returns.inPolicy') : t('returns.outOfPolicy')} ·{' '}
                {p.daysSinceDelivery === null
                  ? t('returns.notDelivered')
                  : t('returns.withinDays', { n: p.daysSinceDelivery, days: p.days })}
              </span>
            ) : null,
          },
          {
            label: t('returns.shipMethod'),
            children: doc.shipping
              ? [t(`returns.methods.${doc.shipping.method}`), doc.shipping.carrier, doc.shipping.trackingNo].join(' ')
              : '',
          },
          { label: t('returns.note'), children: doc.note },
          { label: t('returns.value'), children: yuan(doc.refund.value) },
          { label: t('returns.fee'), children: yuan(doc.refund.fee) },
          {
            label: t('returns.refund'),
            children: (
              <b data-testid="return-refund">
                {yuan(doc.refund.amount)}
                {doc.refund.needsGm && ['inspected'].includes(doc.status) ? ` · ${t('returns.needsGm')}` : ''}
              </b>
            ),
          },
          { label: t('returns.credit'), children: doc.refund.credit ? yuan(doc.refund.credit) : '' },
          { label: t('returns.paid'), children: doc.refund.paid ? yuan(doc.refund.paid) : '' },
          { label: t('returns.redLetter'), children: doc.refund.redLetter?.number ?? '' },
          {
            label: t('returns.replacement'),
            children: doc.replacementOrderId ? (
              <Link to={`/orders/${doc.replacementOrderId}`}>{doc.replacementOrderNumber}</Link>
            ) : (
              ''
            ),
          },
        ]}
      />
      <Table<ReturnLine>
        style={{ marginTop: 16 }}
        size="small"
        rowKey="lineNo"
        pagination={false}
        dataSource={doc.lines}
        data-testid="return-lines"
        columns={[
          { title: t('returns.line'), dataIndex: 'lineNo', width: 60 },
          { title: 'SKU', dataIndex: 'sku' },
          { title: t('order.product'), dataIndex: 'name' },
          { title: t('returns.qty'), dataIndex: 'qty', align: 'right' },
          { title: t('returns.reason'), dataIndex: 'reason', render: (r: string) => t(`returns.reasons.${r}`) },
          {
            title: t('returns.policy'),
            dataIndex: 'returnable',
            render: (r: boolean, l) =>
              `${r ? t('returns.returnable') : t('returns.notReturnable')} · ${Number(l.feePercent)}%`,
          },
          { title: t('order.unitPrice'), dataIndex: 'unitPrice', align: 'right', render: (v: string) => yuan(v) },
          { title: t('returns.good'), dataIndex: 'good', align: 'right' },
          { title: t('returns.defective'), dataIndex: 'defective', align: 'right' },
        ]}
      />
      <Card size="small" title={t('returns.photos')} style={{ marginTop: 16 }}>
        <Space wrap>
          {doc.photos.map((f) => (
            <a key={f.id} href={attachmentsApi.downloadUrl(f.id)} target="_blank" rel="noreferrer">
              {f.filename}
            </a>
          ))}
          <Upload
            showUploadList={false}
            customRequest={async ({ file }) => {
              const body = new FormData();
              body.append('file', file as Blob);
              await returnsApi.addPhoto(doc.id, body);
              await load();
            }}
          >
            <Button size="small" icon={<UploadOutlined />}>
              {t('returns.uploadPhoto')}
            </Button>
          </Upload>
        </Space>
      </Card>
      <Card size="small" title={t('order.history')} style={{ marginTop: 16 }}>
        <Timeline items={history.map((h) => ({ children: returnTimelineItem(h, t).children }))} />
      </Card>
      <Modal
        open={!!acting}
        title={acting ? t(`returns.actions.${acting}`) : ''}
        onCancel={() => setActing(undefined)}
        destroyOnHidden
        confirmLoading={busy}
        okButtonProps={{ 'data-testid': 'return-action-ok', danger: acting === 'reject' } as never}
        onOk={async () => {
          const v = await form.validateFields();
          if (acting === 'inspect')
            await run('inspect', {
              warehouseId: v.warehouseId,
              lines: doc.lines.map((l) => ({
                lineNo: l.lineNo,
                good: v.good?.[l.lineNo] ?? 0,
                defective: v.defective?.[l.lineNo] ?? 0,
              })),
            });
          else await run(acting!, v);
        }}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            method: 'pickup',
            refundTo: 'customer',
            good: Object.fromEntries(doc.lines.map((l) => [l.lineNo, l.qty])),
            defective: Object.fromEntries(doc.lines.map((l) => [l.lineNo, 0])),
          }}
        >
          {(acting === 'approve' || acting === 'reject') && (
            <Form.Item name="reason" label={t('returns.reason')} rules={[{ required: true, max: 500 }]}>
              <Input.TextArea rows={2} data-testid="return-review-reason" />
            </Form.Item>
          )}
          {acting === 'approve_refund' && (
            <Form.Item name="reason" label={t('orderPage.dialog.comment')} rules={[{ max: 500 }]}>
              <Input.TextArea rows={2} data-testid="return-review-reason" />
            </Form.Item>
          )}
          {acting === 'ship' && (
            <>
              <Form.Item name="method" label={t('returns.shipMethod')}>
                <Radio.Group
                  options={['pickup', 'customer_sends'].map((m) => ({ value: m, label: t(`returns.methods.${m}`) }))}
                />
              </Form.Item>
              <Form.Item name="carrier" label={t('returns.carrier')} rules={[{ required: true, max: 50 }]}>
                <Input data-testid="return-carrier" />
              </Form.Item>
              <Form.Item name="trackingNo" label={t('returns.trackingNo')} rules={[{ required: true, max: 50 }]}>
                <Input data-testid="return-tracking" />
              </Form.Item>
            </>
          )}
          {acting === 'inspect' && (
            <>
              <Form.Item name="warehouseId" label={t('returns.warehouse')} rules={[{ required: true }]}>
                <Select
                  data-testid="return-warehouse"
                  options={warehouses.map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }))}
                />
              </Form.Item>
              {doc.lines.map((l) => (
                <Space key={l.lineNo} align="baseline">
                  <span>
                    {l.lineNo}. {l.sku} × {l.qty}
                  </span>
                  <Form.Item name={['good', l.lineNo]} label={t('returns.good')}>
                    <InputNumber min={0} max={l.qty} precision={0} data-testid={`return-good-${l.lineNo}`} />
                  </Form.Item>
                  <Form.Item name={['defective', l.lineNo]} label={t('returns.defective')}>
                    <InputNumber min={0} max={l.qty} precision={0} data-testid={`return-defective-${l.lineNo}`} />
                  </Form.Item>
                </Space>
              ))}
            </>
          )}
          {acting === 'refund' && (
            <Form.Item name="refundTo" label={t('returns.refundTo')}>
              <Radio.Group
                options={['customer', 'balance'].map((m) => ({ value: m, label: t(`returns.refundTos.${m}`) }))}
              />
            </Form.Item>
          )}
          {acting === 'refund' && (
            <Form.Item name="redLetterNumber" label={t('returns.redLetter')} rules={[{ max: 50 }]}>
              <Input data-testid="return-red-letter" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
