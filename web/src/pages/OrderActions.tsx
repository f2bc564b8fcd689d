import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { BodyOf } from '../api/client';
import { ordersApi } from '../api/orders';
import type { Order, Stage } from '../api/types';
import { useSession } from '../auth/session';
import { ActionButton } from '../components/ActionButton';
import { ConfirmationFields } from '../components/ConfirmationFields';

const COMPLAINT_TYPES = ['short', 'damage', 'wrong_item', 'quality', 'late'];
const done = (key: string) => `orderPage.done.${key}`;

/** The buttons an order shows: the events the server says this user may apply now (`order.actions`). */
export function OrderActions({
  order,
  current,
  onChanged,
  onRequestChange,
}: {
  order: Order;
  current?: Stage;
  onChanged: () => void;
  /** Opens the 申请变更 form (kept with the order's changes). */
  onRequestChange: () => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'confirm' | 'complain'>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const [file, setFile] = useState<File>();
  const may = (...events: string[]) => events.some((e) => order.actions.includes(e));
  const stage = current ? t(`stage.${current.stage}`) : '';

  // The two dialogs with more than a reason: one request per OK, the button spins while it runs.
  const submitDialog = async (send: (v: Record<string, string>) => Promise<unknown>, said: string) => {
    if (busy) return;
    const v = await form.validateFields();
    setBusy(true);
    try {
      await send(v);
      message.success(said);
      setDialog(undefined);
      onChanged();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const recordConfirmation = async (v: Record<string, string>) => {
    let attachmentId: string | undefined;
    if (file) {
      const body = new FormData();
      body.append('kind', 'confirmation');
      body.append('file', file);
      attachmentId = (await ordersApi.attach(order.id, body)).id;
    }
    return ordersApi.confirm(order.id, {
      method: v.method as 'signature' | 'stamp' | 'electronic',
      note: v.note || undefined,
      attachmentId,
    });
  };
  const open = (d: 'confirm' | 'complain') => {
    form.resetFields();
    setFile(undefined);
    setDialog(d);
  };

  return (
    <>
      {may('submit') && (
        <>
          <Button onClick={() => navigate(`/orders/${order.id}/edit`)}>{t('common.edit')}</Button>
          <ActionButton
            type="primary"
            data-testid="order-submit"
            run={() => ordersApi.submit(order.id)}
            success={t(done('submit'))}
            onDone={onChanged}
          >
            {t('order.submit')}
          </ActionButton>
        </>
      )}
      {may('approve_stage', 'approve_final') && (
        <ActionButton
          type="primary"
          data-testid="order-approve"
          confirm={{
            title: t('orderPage.dialog.approveTitle', { stage: stage || t('order.checks') }),
            content: t('orderPage.dialog.approveContent', { number: order.number }),
          }}
          run={(reason) => ordersApi.decide(order.id, { decision: 'approve', reason })}
          success={(r) =>
            (r as { outcome?: string })?.outcome === 'escalated_to_director'
              ? t('order.escalated')
              : stage
                ? t(done('approveStage'), { stage })
                : t(done('approve'))
          }
          onDone={onChanged}
        >
          {t('order.approve')}
          {current && `（${stage}）`}
        </ActionButton>
      )}
      {may('reject') && (
        <ActionButton
          danger
          data-testid="order-reject"
          confirm={{ reason: 'required', content: t('orderPage.dialog.rejectContent', { number: order.number }) }}
          run={(reason) => ordersApi.decide(order.id, { decision: 'reject', reason })}
          success={t(done('reject'))}
          onDone={onChanged}
        >
          {t('order.reject')}
        </ActionButton>
      )}
      {may('confirm') && (
        <Button type="primary" data-testid="order-confirm" onClick={() => open('confirm')}>
          {t('order.confirm')}
        </Button>
      )}
      {may('request_change') && (
        <Button type="primary" data-testid="order-request-change" onClick={onRequestChange}>
          {t('changeReq.request')}
        </Button>
      )}
      {may('hold') && (
        <ActionButton
          data-testid="order-hold"
          confirm={{ reason: 'required', label: t('feedback.holdReason') }}
          run={(reason) => ordersApi.hold(order.id, reason)}
          success={t(done('hold'))}
          onDone={onChanged}
        >
          {t('feedback.hold')}
        </ActionButton>
      )}
      {may('resume') && (
        <ActionButton
          type="primary"
          data-testid="order-resume"
          confirm={{ reason: 'optional', label: t('feedback.resumeReason') }}
          run={(reason) => ordersApi.resume(order.id, reason)}
          success={t(done('resume'))}
          onDone={onChanged}
        >
          {t('feedback.resume')}
        </ActionButton>
      )}
      {may('cancel') && (
        <ActionButton
          danger
          data-testid="order-cancel"
          confirm={{ reason: 'required', content: t('orderPage.dialog.cancelContent', { number: order.number }) }}
          run={(reason) => ordersApi.cancel(order.id, reason)}
          success={t(done('cancel'))}
          onDone={onChanged}
        >
          {t('order.cancel')}
        </ActionButton>
      )}
      {may('short_close') && (
        <ActionButton
          danger
          data-testid="order-short-close"
          confirm={{ reason: 'required', label: t('special.shortCloseReason'), hint: t('special.shortCloseHint') }}
          run={(reason) => ordersApi.shortClose(order.id, reason)}
          success={t(done('shortClose'))}
          onDone={onChanged}
        >
          {t('special.shortClose')}
        </ActionButton>
      )}
      {may('complain') && (
        <Button data-testid="order-complain" onClick={() => open('complain')}>
          {t('special.complain')}
        </Button>
      )}
      {can('sales_assistant') && (
        <ActionButton
          run={() => ordersApi.copy(order.id)}
          success={t(done('copy'))}
          onDone={(copy) => navigate(`/orders/${(copy as Order).id}`)}
        >
          {t('order.copy')}
        </ActionButton>
      )}

      <Modal
        open={dialog === 'complain'}
        title={t('special.complain')}
        destroyOnHidden
        confirmLoading={busy}
        onCancel={() => setDialog(undefined)}
        onOk={() =>
          submitDialog(
            (v) =>
              ordersApi.complain({
                orderId: order.id,
                type: v.type as BodyOf<'POST /api/complaints'>['type'],
                description: v.description,
              }),
            t(done('complain')),
          )
        }
        okButtonProps={{ 'data-testid': 'complain-ok' } as never}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="type" label={t('special.complaintType')} rules={[{ required: true }]}>
            <Select
              data-testid="complaint-type"
              options={COMPLAINT_TYPES.map((c) => ({ value: c, label: t(`feedback.complaintType.${c}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('special.complaintDescription')}
            rules={[{ required: true, max: 1000 }]}
          >
            <Input.TextArea rows={3} data-testid="complaint-description" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={dialog === 'confirm'}
        title={t('order.confirm')}
        onCancel={() => setDialog(undefined)}
        onOk={() => submitDialog(recordConfirmation, t(done('confirm')))}
        confirmLoading={busy}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'confirm-ok' } as never}
      >
        <Form form={form} layout="vertical" initialValues={{ method: 'electronic' }}>
          <ConfirmationFields onFile={setFile} noteLabel={t('orderPage.dialog.comment')} />
        </Form>
      </Modal>
    </>
  );
}
