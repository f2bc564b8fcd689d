import { App, Button, Form, Input, Modal, Select, Space, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Order, Stage } from '../api/types';
import { useSession } from '../auth/session';

const STAGE_ROLES: Record<string, string> = {
  sales: 'reviewer',
  finance: 'finance',
  production: 'production_planner',
  director: 'sales_director',
  gm: 'general_manager',
};

/** The buttons an order shows: what its state allows and the user's roles admit. */
export function OrderActions({ order, current, onChanged }: { order: Order; current?: Stage; onChanged: () => void }) {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'reject' | 'cancel' | 'confirm'>();
  const [form] = Form.useForm();
  const [file, setFile] = useState<File>();
  const isRegistrar = me?.user.id === order.registrar.id;

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

  const canReview = current && order.status === 'in_review' && can(STAGE_ROLES[current.stage]) && !isRegistrar;
  return (
    <Space wrap>
      {['draft', 'rejected'].includes(order.status) && isRegistrar && (
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
      {canReview && (
        <>
          <Button
            type="primary"
            data-testid="order-approve"
            onClick={() => run(() => api.post(`/api/orders/${order.id}/review`, { decision: 'approve' }))}
          >
            {t('order.approve')}（{t(`stage.${current!.stage}`)}）
          </Button>
          <Button danger data-testid="order-reject" onClick={() => setDialog('reject')}>
            {t('order.reject')}
          </Button>
        </>
      )}
      {order.status === 'awaiting_confirmation' && can('sales_assistant', 'order_admin') && (
        <Button type="primary" data-testid="order-confirm" onClick={() => setDialog('confirm')}>
          {t('order.confirm')}
        </Button>
      )}
      {!['cancelled', 'shipped', 'delivered', 'completed', 'partially_shipped'].includes(order.status) &&
        can('sales_director', 'reviewer', 'general_manager') && (
          <Button danger onClick={() => setDialog('cancel')}>
            {t('order.cancel')}
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
        open={dialog === 'reject' || dialog === 'cancel'}
        title={dialog === 'reject' ? t('order.reject') : t('order.cancel')}
        destroyOnHidden
        onCancel={() => setDialog(undefined)}
        onOk={async () => {
          const { reason } = await form.validateFields();
          await run(() =>
            dialog === 'reject'
              ? api.post(`/api/orders/${order.id}/review`, { decision: 'reject', reason })
              : api.post(`/api/orders/${order.id}/cancel`, { reason }),
          );
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('order.reason')} rules={[{ required: true, max: 500 }]}>
            <Input.TextArea rows={3} data-testid="reason-input" />
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
