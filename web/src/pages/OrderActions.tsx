import { App, Button, Form, Input, Modal, Select, Space, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Order, Stage } from '../api/types';
import { useSession } from '../auth/session';

type Dialog = 'reject' | 'cancel' | 'confirm' | 'hold' | 'resume' | 'shortClose' | 'complain';
/** Dialogs that ask for a reason, and whether it is required. */
const REASON_DIALOGS: Partial<Record<Dialog, boolean>> = {
  reject: true,
  cancel: true,
  hold: true,
  resume: false,
  shortClose: true,
};
const COMPLAINT_TYPES = ['short', 'damage', 'wrong_item', 'quality', 'late'];

/** The buttons an order shows: the events the server says this user may apply now (`order.actions`). */
export function OrderActions({ order, current, onChanged }: { order: Order; current?: Stage; onChanged: () => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>();
  // One form serves every dialog: each opens empty (a hold's reason is not a resume's).
  const open = (d: Dialog) => {
    form.resetFields();
    setDialog(d);
  };
  const [form] = Form.useForm();
  const [file, setFile] = useState<File>();
  const may = (...events: string[]) => events.some((e) => order.actions.includes(e));

  const run = async (fn: () => Promise<unknown>) => {
    try {
      const r = (await fn()) as { outcome?: string } | undefined;
      if (r?.outcome === 'escalated_to_director') message.warning(t('order.escalated'));
      else message.success(t('common.saved'));
      setDialog(undefined);
      onChanged();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const confirm = async () => {
    const v = await form.validateFields();
    let attachmentId: string | undefined;
    if (file) {
      const body = new FormData();
      body.append('kind', 'confirmation');
      body.append('file', file);
      attachmentId = (await api.post<{ id: string }>(`/api/orders/${order.id}/attachments`, body)).id;
    }
    await run(() =>
      api.post(`/api/orders/${order.id}/confirm`, { method: v.method, note: v.note || undefined, attachmentId }),
    );
  };

  const reasoned = async () => {
    const { reason } = await form.validateFields();
    const post: Partial<Record<Dialog, () => Promise<unknown>>> = {
      reject: () => api.post(`/api/orders/${order.id}/review`, { decision: 'reject', reason }),
      cancel: () => api.post(`/api/orders/${order.id}/cancel`, { reason }),
      hold: () => api.post(`/api/orders/${order.id}/hold`, { reason }),
      resume: () => api.post(`/api/orders/${order.id}/resume`, reason ? { reason } : {}),
      shortClose: () => api.post(`/api/orders/${order.id}/short-close`, { reason }),
    };
    await run(post[dialog!]!);
  };

  return (
    <Space wrap>
      {may('submit') && (
        <>
          <Button onClick={() => navigate(`/orders/${order.id}/edit`)}>{t('common.edit')}</Button>
          <Button
            type="primary"
            data-testid="order-submit"
            onClick={() => run(() => api.post(`/api/orders/${order.id}/submit`))}
          >
            {t('order.submit')}
          </Button>
        </>
      )}
      {may('approve_stage', 'approve_final') && (
        <>
          <Button
            type="primary"
            data-testid="order-approve"
            onClick={() => run(() => api.post(`/api/orders/${order.id}/review`, { decision: 'approve' }))}
          >
            {t('order.approve')}
            {current && `（${t(`stage.${current.stage}`)}）`}
          </Button>
        </>
      )}
      {may('reject') && (
        <Button danger data-testid="order-reject" onClick={() => open('reject')}>
          {t('order.reject')}
        </Button>
      )}
      {may('confirm') && (
        <Button type="primary" data-testid="order-confirm" onClick={() => open('confirm')}>
          {t('order.confirm')}
        </Button>
      )}
      {may('hold') && (
        <Button data-testid="order-hold" onClick={() => open('hold')}>
          {t('feedback.hold')}
        </Button>
      )}
      {may('resume') && (
        <Button type="primary" data-testid="order-resume" onClick={() => open('resume')}>
          {t('feedback.resume')}
        </Button>
      )}
      {may('cancel') && (
        <Button danger data-testid="order-cancel" onClick={() => open('cancel')}>
          {t('order.cancel')}
        </Button>
      )}
      {may('short_close') && (
        <Button danger data-testid="order-short-close" onClick={() => open('shortClose')}>
          {t('special.shortClose')}
        </Button>
      )}
      {may('complain') && (
        <Button data-testid="order-complain" onClick={() => open('complain')}>
          {t('special.complain')}
        </Button>
      )}
      {can('sales_assistant') && (
        <Button
          onClick={() =>
            run(async () => navigate(`/orders/${(await api.post<Order>(`/api/orders/${order.id}/copy`)).id}`))
          }
        >
          {t('order.copy')}
        </Button>
      )}

      <Modal
        open={!!dialog && dialog in REASON_DIALOGS}
        title={
          dialog === 'hold' || dialog === 'resume'
            ? t(`feedback.${dialog}`)
            : dialog === 'reject'
              ? t('order.reject')
              : dialog === 'shortClose'
                ? t('special.shortClose')
                : t('order.cancel')
        }
        destroyOnHidden
        onCancel={() => setDialog(undefined)}
        onOk={reasoned}
        okButtonProps={{ 'data-testid': 'reason-ok' } as never}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={
              dialog === 'hold'
                ? t('feedback.holdReason')
                : dialog === 'shortClose'
                  ? t('special.shortCloseReason')
                  : t('order.reason')
            }
            extra={dialog === 'shortClose' ? t('special.shortCloseHint') : undefined}
            rules={[{ required: !!dialog && REASON_DIALOGS[dialog], max: 500 }]}
          >
            <Input.TextArea rows={3} data-testid="reason-input" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={dialog === 'complain'}
        title={t('special.complain')}
        destroyOnHidden
        onCancel={() => setDialog(undefined)}
        onOk={async () => {
          const v = await form.validateFields();
          await run(() => api.post('/api/complaints', { orderId: order.id, type: v.type, description: v.description }));
        }}
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
        onOk={confirm}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'confirm-ok' } as never}
      >
        <Form form={form} layout="vertical" initialValues={{ method: 'electronic' }}>
          <Form.Item name="method" label={t('order.confirmMethod')}>
            <Select
              options={['signature', 'stamp', 'electronic'].map((m) => ({
                value: m,
                label: t(`enums.confirmMethod.${m}`),
              }))}
            />
          </Form.Item>
          <Form.Item label={t('order.confirmFile')}>
            <Upload
              beforeUpload={(f) => {
                setFile(f);
                return false;
              }}
              maxCount={1}
            >
              <Button icon={<UploadOutlined />}>{t('customer.upload')}</Button>
            </Upload>
          </Form.Item>
          <Form.Item name="note" label={t('order.reason')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
