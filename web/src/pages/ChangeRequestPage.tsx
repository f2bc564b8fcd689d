import { Alert, App, Button, Card, Col, Descriptions, Form, Modal, Row, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';
import { ActionButton } from '../components/ActionButton';
import { ConfirmationFields } from '../components/ConfirmationFields';
import { changes, yuan, type ChangeApproval, type ChangePreview, type ChangeRequest } from '../api/changes';
import { dateTime } from '../format';

const when = (s: string | null) => dateTime(s);
const CHANGE_COLORS: Record<string, string> = {
  added: 'green',
  removed: 'red',
  changed: 'orange',
  unchanged: 'default',
};
export const CHANGE_STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'cyan',
  rejected: 'error',
  applied: 'warning',
  customer_confirmed: 'success',
  cancelled: 'default',
};
const delta = (s: string) => (
  <span style={{ color: s.startsWith('-') ? '#cf1322' : s === '0.00' ? undefined : '#389e0d' }}>
    {s.startsWith('-') ? '' : '+'}
    {yuan(s)}
  </span>
);

/** Old → new, the change shown in colour. */
function Diff({ old, now, money }: { old?: string | number | null; now?: string | number | null; money?: boolean }) {
  const show = (v: string | number | null | undefined) =>
    v === null || v === undefined ? '—' : money ? yuan(String(v)) : v;
  if (old === now) return <>{show(now)}</>;
  return (
    <span>
      <span style={{ color: '#8c8c8c', textDecoration: 'line-through' }}>{show(old)}</span> →{' '}
      <b style={{ color: '#d46b08' }}>{show(now)}</b>
    </span>
  );
}

function PreviewView({ p }: { p: ChangePreview }) {
  const { t } = useTranslation();
  const headValue = (field: string, v: unknown): string => {
    if (v === null || v === undefined) return '—';
    if (field === 'paymentMethod') return t(`enums.paymentMethod.${String(v)}`);
    if (typeof v === 'object') {
      const d = v as { consignee?: string; phone?: string; address?: string };
      return [d.consignee, d.phone, d.address].filter(Boolean).join(' ');
    }
    return String(v);
  };
  return (
    <>
      {p.stale && (
        <Alert type="warning" showIcon title={t('changeReq.stale', { base: p.baseVersion, now: p.orderVersion })} />
      )}
      <Table
        style={{ marginTop: 12 }}
        size="small"
        rowKey="lineNo"
        pagination={false}
        dataSource={p.lines}
        data-testid="change-lines"
        columns={[
          { title: '#', dataIndex: 'lineNo', width: 40 },
          { title: 'SKU', dataIndex: 'sku' },
          { title: t('order.product'), dataIndex: 'name' },
          {
            title: t('changeReq.changeKind'),
            dataIndex: 'change',
            render: (c: string) => <Tag color={CHANGE_COLORS[c]}>{t(`changeReq.kind.${c}`)}</Tag>,
          },
          { title: t('order.qty'), render: (_, l) => <Diff old={l.old?.qty} now={l.new?.qty} /> },
          {
            title: t('order.unitPrice'),
            render: (_, l) => <Diff old={l.old?.unitPrice} now={l.new?.unitPrice} money />,
          },
          { title: t('order.amount'), render: (_, l) => <Diff old={l.old?.amount} now={l.new?.amount} money /> },
          { title: t('changeReq.shipped'), dataIndex: 'shipped', align: 'right' },
        ]}
      />
      {p.head.length > 0 && (
        <Descriptions
          style={{ marginTop: 12 }}
          size="small"
          bordered
          column={1}
          items={p.head.map((h) => ({
            label: t(`changeReq.field.${h.field}`),
            children: <Diff old={headValue(h.field, h.old)} now={headValue(h.field, h.new)} />,
          }))}
        />
      )}
      <Descriptions
        style={{ marginTop: 12 }}
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        data-testid="change-totals"
        items={[
          {
            label: t('order.total'),
            children: (
              <>
                <Diff old={p.totals.old.total} now={p.totals.new.total} money /> ({delta(p.totals.totalDelta)})
              </>
            ),
          },
          {
            label: t('order.margin'),
            children: (
              <>
                <Diff old={p.totals.old.margin} now={p.totals.new.margin} money /> ({delta(p.totals.marginDelta)})
              </>
            ),
          },
        ]}
      />
      <Card size="small" title={t('changeReq.impacts')} style={{ marginTop: 12 }} data-testid="change-impacts">
        {p.stock.map((s) => (
          <p key={s.lineNo}>
            {s.lineNo}. {s.sku}: {s.reserve > 0 && <Tag color="green">{t('changeReq.reserve', { n: s.reserve })}</Tag>}
            {s.release > 0 && <Tag color="blue">{t('changeReq.release', { n: s.release })}</Tag>}
            {s.backorder > 0 && <Tag color="orange">{t('changeReq.backorder', { n: s.backorder })}</Tag>}
            {s.dropBackorder > 0 && <Tag>{t('changeReq.dropBackorder', { n: s.dropBackorder })}</Tag>}
          </p>
        ))}
        <p>
          <Tag color={p.credit.ok ? 'green' : 'red'}>
            {t(p.credit.ok ? 'changeReq.creditOk' : 'changeReq.creditOver')}
          </Tag>
          {t('order.limit')} {yuan(p.credit.limit)} · {t('order.used')} {yuan(p.credit.used)} · {t('order.total')}{' '}
          {yuan(p.credit.thisOrder)}
        </p>
        {p.production.required && (
          <p>
            <Tag color="orange">{t('changeReq.production')}</Tag>
            {p.production.lines.map((l) => `${l.sku} × ${l.qty}`).join('；')}
            {p.production.answerBy && ` · ${t('changeReq.answerBy')} ${dateTime(p.production.answerBy)}`}
          </p>
        )}
        {p.shipments.map((s) => (
          <p key={s.id}>
            <Tag color="red">{t('changeReq.shipmentStopped', { number: s.number })}</Tag>
            {s.reasons.map((r) => t(`changeReq.reasonCode.${r}`)).join('，')}
          </p>
        ))}
        <p>
          {t('changeReq.approvalsNeeded')}:{' '}
          {p.approvals.map((s) => (
            <Tag key={s}>{t(`changeReq.stage.${s}`)}</Tag>
          ))}
        </p>
      </Card>
    </>
  );
}

/** 变更申请: the preview as a readable diff, the approvals, and the buttons the server allows. */
export function ChangeRequestPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { message } = App.useApp();
  const [c, setC] = useState<ChangeRequest>();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const [scan, setScan] = useState<File>();
  const load = useCallback(async () => setC(await changes.get(id!)), [id]);
  useEffect(() => void load(), [load]);
  if (!c) return null;
  const may = (e: string) => c.availableActions.includes(e);
  const done = (k: string) => t(`orderPage.done.change.${k}`);
  // The customer's confirmation asks for more than a reason: its own dialog, one request per OK.
  const confirmChange = async () => {
    if (busy) return;
    const v = await form.validateFields();
    setBusy(true);
    try {
      // A signed or stamped 变更确认书 is kept as a scan on the order.
      const attachmentId = scan ? await changes.attachScan(c.order.id, scan) : undefined;
      await changes.confirm(c.id, { method: v.method, note: v.note || undefined, attachmentId });
      message.success(done('confirm'));
      setConfirming(false);
      await load();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const reasonTestIds = { okTestId: 'change-dialog-ok', inputTestId: 'change-dialog-reason' };
  return (
    <>
      <PageHeader
        title={`${t('changeReq.title')} ${c.number}`}
        tags={
          <Tag color={CHANGE_STATUS_COLORS[c.status]} data-testid="change-status">
            {t(`changeReq.status.${c.status}`)}
          </Tag>
        }
        extra={
          <>
            {may('submit') && (
              <ActionButton
                type="primary"
                data-testid="change-submit"
                run={() => changes.submit(c.id)}
                success={done('submit')}
                onDone={load}
              >
                {t('changeReq.submit')}
              </ActionButton>
            )}
            {may('approve') && (
              <ActionButton
                type="primary"
                data-testid="change-approve"
                confirm={{
                  ...reasonTestIds,
                  title: t('orderPage.dialog.changeApproveTitle'),
                  content: t('orderPage.dialog.changeApproveContent', { number: c.number }),
                }}
                run={(reason) => changes.review(c.id, 'approve', reason)}
                success={done('approve')}
                onDone={load}
              >
                {t('order.approve')}
              </ActionButton>
            )}
            {may('reject') && (
              <ActionButton
                danger
                data-testid="change-reject"
                confirm={{
                  ...reasonTestIds,
                  reason: 'required',
                  content: t('orderPage.dialog.changeRejectContent', { number: c.number }),
                }}
                run={(reason) => changes.review(c.id, 'reject', reason)}
                success={done('reject')}
                onDone={load}
              >
                {t('order.reject')}
              </ActionButton>
            )}
            {may('apply') && (
              <ActionButton
                type="primary"
                data-testid="change-apply"
                run={() => changes.apply(c.id)}
                success={done('apply')}
                onDone={load}
              >
                {t('changeReq.apply')}
              </ActionButton>
            )}
            {may('confirm') && (
              <Button
                type="primary"
                data-testid="change-confirm"
                onClick={() => {
                  form.resetFields();
                  setScan(undefined);
                  setConfirming(true);
                }}
              >
                {t('changeReq.confirm')}
              </Button>
            )}
            {may('cancel') && (
              <ActionButton
                danger
                data-testid="change-cancel"
                confirm={{
                  ...reasonTestIds,
                  reason: 'required',
                  content: t('orderPage.dialog.changeCancelContent', { number: c.number }),
                }}
                run={(reason) => changes.cancel(c.id, reason!)}
                success={done('cancel')}
                onDone={load}
              >
                {t('changeReq.cancel')}
              </ActionButton>
            )}
            <Button href={changes.formUrl(c.id)} target="_blank">
              {t('order.print')} {t('changeReq.form')}
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
          { label: t('changeReq.order'), children: <Link to={`/orders/${c.order.id}`}>{c.order.number}</Link> },
          { label: t('order.customer'), children: c.order.customerName },
          {
            label: t('changeReq.version'),
            children: `V${c.baseVersion}${c.appliedVersion ? ` → V${c.appliedVersion}` : ''}`,
          },
          { label: t('changeReq.requestedBy'), children: t(`changeReq.party.${c.requestedBy}`) },
          { label: t('changeReq.reason'), children: c.reason },
          { label: t('changeReq.createdBy'), children: `${c.createdBy.name ?? ''} ${when(c.createdAt)}` },
          ...(c.decisionReason ? [{ label: t('changeReq.decisionReason'), children: c.decisionReason }] : []),
        ]}
      />
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} xl={16}>
          {c.preview ? <PreviewView p={c.preview} /> : null}
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('changeReq.approvals')}>
            <Table<ChangeApproval>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={c.approvals}
              data-testid="change-approvals"
              columns={[
                { title: t('order.stages'), dataIndex: 'stage', render: (s: string) => t(`changeReq.stage.${s}`) },
                {
                  title: t('order.status'),
                  dataIndex: 'status',
                  render: (s: string) => t(`changeReq.approvalStatus.${s}`),
                },
                { title: t('stock.by'), dataIndex: 'decidedByName' },
                {
                  title: t('order.due'),
                  dataIndex: 'dueAt',
                  render: (d: string, s) => <span style={{ color: s.late ? 'red' : undefined }}>{when(d)}</span>,
                },
                { title: t('order.reason'), dataIndex: 'reason' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Modal
        open={confirming}
        title={t('changeReq.confirm')}
        onCancel={() => setConfirming(false)}
        onOk={confirmChange}
        confirmLoading={busy}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'change-dialog-ok' } as never}
      >
        <Form form={form} layout="vertical" initialValues={{ method: 'electronic' }}>
          <ConfirmationFields onFile={setScan} noteLabel={t('changeReq.note')} noteTestId="change-note" />
        </Form>
      </Modal>
    </>
  );
}
