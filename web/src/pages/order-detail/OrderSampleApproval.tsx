import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Tag, Timeline } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sampleApprovalApi, type SampleApproval, type SampleRound } from '../../api/sampleApproval';
import type { Order } from '../../api/types';
import { useSession } from '../../auth/session';
import { dateTime } from '../../format';
import { addTexts } from '../../i18n';
import * as sampleApprovalTexts from './sample-approval-texts';

addTexts(sampleApprovalTexts);

const ROLES = ['sales_assistant', 'sales_director', 'order_admin', 'general_manager', 'reviewer'];
const DECISIONS = ['approved', 'rejected', 'revise'] as const;
const COLOR = { approved: 'green', rejected: 'red', revise: 'orange' } as const;

/** 样品确认: the order's sample rounds; bulk production waits until one is approved. */
export function OrderSampleApproval({ order }: { order: Order }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [approval, setApproval] = useState<SampleApproval | null>(null);
  const [dialog, setDialog] = useState<'require' | 'round' | SampleRound | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const load = useCallback(async () => setApproval(await sampleApprovalApi.ofOrder(order.id)), [order.id]);
  useEffect(() => void load(), [load]);
  const editor = can(...ROLES);
  if (!approval && !editor) return null;

  const submit = async () => {
    if (busy) return;
    const v = await form.validateFields();
    setBusy(true);
    try {
      if (dialog === 'require') setApproval(await sampleApprovalApi.require(order.id, v.note ?? ''));
      else if (dialog === 'round')
        setApproval(
          await sampleApprovalApi.addRound(approval!.id, {
            sentAt: (v.sentAt as Dayjs).format('YYYY-MM-DD'),
            description: v.description,
            quantity: v.quantity,
            tracking: v.tracking || undefined,
          }),
        );
      else if (dialog)
        setApproval(await sampleApprovalApi.feedback(dialog.id, { feedback: v.feedback, decision: v.decision }));
      message.success(t('sampleApproval.saved'));
      setDialog(null);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('sampleApproval.title')}
      style={{ marginTop: 16 }}
      data-testid="order-sample-approval"
      extra={
        editor &&
        (approval ? (
          approval.canAddRound && (
            <Button size="small" data-testid="sample-add-round" onClick={() => setDialog('round')}>
              {t('sampleApproval.addRound')}
            </Button>
          )
        ) : (
          <Button size="small" data-testid="sample-require" onClick={() => setDialog('require')}>
            {t('sampleApproval.require')}
          </Button>
        ))
      }
    >
      {!approval ? (
        t('sampleApproval.none')
      ) : (
        <>
          <p>
            <Tag color={approval.status === 'approved' ? 'green' : 'gold'}>
              {t(`sampleApproval.${approval.status}`)}
            </Tag>
            {approval.note}
          </p>
          <Timeline
            items={approval.rounds.map((r) => ({
              color: r.decision ? COLOR[r.decision] : 'blue',
              children: (
                <div data-testid={`sample-round-${r.roundNo}`}>
                  <strong>{t('sampleApproval.round', { n: r.roundNo })}</strong> {r.sentAt} · {r.description} ×{' '}
                  {r.quantity}
                  {r.tracking && ` · ${t('sampleApproval.tracking')} ${r.tracking}`}
                  <div>
                    {r.decision ? (
                      <Space wrap>
                        <Tag color={COLOR[r.decision]}>{t(`sampleApproval.decisions.${r.decision}`)}</Tag>
                        {r.feedback}
                        <span style={{ color: '#888' }}>{dateTime(r.decidedAt)}</span>
                        {r.decidedByCustomer && <Tag>{t('sampleApproval.byCustomer')}</Tag>}
                      </Space>
                    ) : (
                      <Space>
                        <span style={{ color: '#888' }}>{t('sampleApproval.waiting')}</span>
                        {editor && (
                          <Button size="small" data-testid="sample-feedback" onClick={() => setDialog(r)}>
                            {t('sampleApproval.recordFeedback')}
                          </Button>
                        )}
                      </Space>
                    )}
                  </div>
                </div>
              ),
            }))}
          />
        </>
      )}
      <Modal
        open={dialog !== null}
        title={
          dialog === 'require'
            ? t('sampleApproval.require')
            : dialog === 'round'
              ? t('sampleApproval.addRound')
              : t('sampleApproval.recordFeedback')
        }
        onCancel={() => setDialog(null)}
        destroyOnHidden
        confirmLoading={busy}
        okButtonProps={{ 'data-testid': 'sample-ok' } as never}
        onOk={submit}
      >
        <Form form={form} layout="vertical" preserve={false}>
          {dialog === 'require' && (
            <>
              <p>{t('sampleApproval.requireConfirm')}</p>
              <Form.Item name="note" label={t('sampleApproval.note')}>
                <Input maxLength={500} />
              </Form.Item>
            </>
          )}
          {dialog === 'round' && (
            <>
              <Form.Item name="sentAt" label={t('sampleApproval.sentAt')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="description" label={t('sampleApproval.description')} rules={[{ required: true }]}>
                <Input maxLength={500} />
              </Form.Item>
              <Form.Item name="quantity" label={t('sampleApproval.quantity')} rules={[{ required: true }]}>
                <InputNumber min={1} precision={0} />
              </Form.Item>
              <Form.Item name="tracking" label={t('sampleApproval.tracking')}>
                <Input maxLength={100} />
              </Form.Item>
            </>
          )}
          {dialog !== null && typeof dialog === 'object' && (
            <>
              <Form.Item name="decision" label={t('sampleApproval.decision')} rules={[{ required: true }]}>
                <Select
                  data-testid="sample-decision"
                  options={DECISIONS.map((d) => ({ value: d, label: t(`sampleApproval.decisions.${d}`) }))}
                />
              </Form.Item>
              <Form.Item name="feedback" label={t('sampleApproval.feedback')} rules={[{ required: true }]}>
                <Input.TextArea maxLength={1000} rows={3} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
