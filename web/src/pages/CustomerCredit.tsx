import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customersApi, type CreditChange, type CreditChangeRequest, type CreditTerms } from '../api/customers';
import { ActionButton } from '../components/ActionButton';
import { moneyRule, showServerErrors } from '../components/forms';
import { dateTime, yuan } from '../format';

// 信用额度变更: sales request new credit terms, a credit controller (finance) approves or rejects;
// the customer shows every change with old and new value, who, when and why.

const PAYMENTS = ['prepaid', 'credit', 'tt', 'lc', 'monthly', 'cod'];
export type { CreditChangeRequest } from '../api/customers';

// Money as ¥1,234.50: the app's one formatter, re-exported for the pages that import it from here.
export { yuan };

function useTermText() {
  const { t } = useTranslation();
  return (field: CreditChange['field'] | keyof CreditTerms, v: string | number | null) => {
    if (v === null) return '—';
    if (field === 'credit_limit' || field === 'creditLimit') return yuan(String(v));
    if (field === 'payment_method' || field === 'paymentMethod') return t(`enums.paymentMethod.${v}`);
    return t('credit.days', { n: v });
  };
}

/** Requests with approve / reject from the server's `actions`; used on the customer and on the finance page. */
export function CreditRequestTable({
  requests,
  onDecided,
  showCustomer,
}: {
  requests: CreditChangeRequest[];
  onDecided: () => void;
  showCustomer?: boolean;
}) {
  const { t } = useTranslation();
  const text = useTermText();
  const decide = (r: CreditChangeRequest, event: string, note?: string) =>
    customersApi.decideCredit(r.id, event as 'approve' | 'reject', note);
  const terms = (r: CreditChangeRequest) =>
    (['creditLimit', 'paymentMethod', 'paymentDays'] as const)
      .filter((k) => r.new[k] !== null)
      .map((k) => (
        <div key={k}>
          {t(`customer.${k}`)}: {text(k, r.old[k])} → <b>{text(k, r.new[k])}</b>
        </div>
      ));
  return (
    <>
      <Table<CreditChangeRequest>
        size="small"
        rowKey="id"
        data-testid="credit-requests"
        pagination={false}
        dataSource={requests}
        locale={{ emptyText: t('credit.noPending') }}
        columns={[
          ...(showCustomer
            ? [{ title: t('customer.name'), render: (_: unknown, r: CreditChangeRequest) => r.customerName }]
            : []),
          { title: t('credit.change'), render: (_: unknown, r: CreditChangeRequest) => terms(r) },
          { title: t('credit.reason'), dataIndex: 'reason' },
          {
            title: t('credit.requestedBy'),
            render: (_: unknown, r: CreditChangeRequest) => `${r.requestedByName} ${dateTime(r.requestedAt)}`,
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag>{t(`credit.status.${s}`)}</Tag>,
          },
          {
            title: t('common.actions'),
            render: (_: unknown, r: CreditChangeRequest) => (
              <Space>
                {r.actions.includes('approve') && (
                  <ActionButton
                    size="small"
                    type="primary"
                    data-testid="credit-approve"
                    confirm={{ okTestId: 'credit-approve-ok', inputTestId: 'credit-approve-note' }}
                    run={(note) => decide(r, 'approve', note)}
                    success={t('orderPage.done.credit.approve')}
                    onDone={onDecided}
                  >
                    {t('credit.approve')}
                  </ActionButton>
                )}
                {r.actions.includes('reject') && (
                  <ActionButton
                    size="small"
                    danger
                    data-testid="credit-reject"
                    confirm={{
                      reason: 'required',
                      label: t('credit.rejectReason'),
                      okTestId: 'credit-reject-ok',
                      inputTestId: 'credit-reject-note',
                    }}
                    run={(note) => decide(r, 'reject', note)}
                    success={t('orderPage.done.credit.reject')}
                    onDone={onDecided}
                  >
                    {t('credit.reject')}
                  </ActionButton>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

/** The credit part of a customer: request a change (sales), pending requests, and the history of changes. */
export function CustomerCredit({
  customer,
  onChanged,
}: {
  customer: { id: string; creditLimit: string; paymentMethod: string; paymentDays: number; creditActions?: string[] };
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = useTermText();
  const [form] = Form.useForm();
  const [history, setHistory] = useState<CreditChange[]>([]);
  const [pending, setPending] = useState<CreditChangeRequest[]>([]);
  const [asking, setAsking] = useState(false);
  const load = useCallback(async () => {
    setHistory(await customersApi.creditChanges(customer.id));
    setPending(await customersApi.pendingCreditRequests(customer.id));
  }, [customer.id]);
  useEffect(() => void load(), [load]);

  const request = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> = { reason: v.reason };
    if (v.creditLimit && v.creditLimit !== customer.creditLimit) body.creditLimit = v.creditLimit;
    if (v.paymentMethod !== customer.paymentMethod) body.paymentMethod = v.paymentMethod;
    if (v.paymentDays !== customer.paymentDays) body.paymentDays = v.paymentDays;
    try {
      await customersApi.requestCredit(customer.id, body);
      message.success(t('credit.requested'));
      setAsking(false);
      await load();
    } catch (e) {
      if (!showServerErrors(form, e)) message.error((e as Error).message);
    }
  };

  return (
    <div data-testid="customer-credit">
      {customer.creditActions?.includes('request_credit_change') && (
        <Button
          data-testid="credit-request"
          onClick={() => {
            form.setFieldsValue({
              creditLimit: customer.creditLimit,
              paymentMethod: customer.paymentMethod,
              paymentDays: customer.paymentDays,
              reason: '',
            });
            setAsking(true);
          }}
        >
          {t('credit.requestChange')}
        </Button>
      )}
      {pending.length > 0 && (
        <CreditRequestTable
          requests={pending}
          onDecided={async () => {
            await load();
            onChanged();
          }}
        />
      )}
      <Table<CreditChange>
        size="small"
        rowKey="id"
        data-testid="credit-history"
        pagination={false}
        style={{ marginTop: 12 }}
        dataSource={history}
        locale={{ emptyText: t('credit.noHistory') }}
        columns={[
          { title: t('credit.field'), dataIndex: 'field', render: (f: string) => t(`credit.fields.${f}`) },
          { title: t('credit.old'), render: (_: unknown, c: CreditChange) => text(c.field, c.old) },
          { title: t('credit.new'), render: (_: unknown, c: CreditChange) => text(c.field, c.new) },
          { title: t('credit.reason'), dataIndex: 'reason' },
          {
            title: t('credit.changedBy'),
            render: (_: unknown, c: CreditChange) => `${c.changedByName} ${dateTime(c.changedAt)}`,
          },
        ]}
      />
      <Modal
        open={asking}
        title={t('credit.requestChange')}
        onCancel={() => setAsking(false)}
        onOk={request}
        okButtonProps={{ 'data-testid': 'credit-request-ok' }}
      >
        <Form form={form} layout="vertical" data-testid="credit-request-form">
          <Form.Item name="creditLimit" label={t('customer.creditLimit')} rules={[moneyRule]}>
            <Input data-testid="credit-request-limit" />
          </Form.Item>
          <Form.Item name="paymentMethod" label={t('customer.paymentMethod')}>
            <Select options={PAYMENTS.map((k) => ({ value: k, label: t(`enums.paymentMethod.${k}`) }))} />
          </Form.Item>
          <Form.Item name="paymentDays" label={t('customer.paymentDays')}>
            <InputNumber min={0} max={365} precision={0} />
          </Form.Item>
          <Form.Item name="reason" label={t('credit.reason')} rules={[{ required: true, max: 500 }]}>
            <Input.TextArea data-testid="credit-request-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
