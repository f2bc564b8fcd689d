import { App, Button, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { customersApi, type Customer } from '../api/customers';
import { productsApi, type Product } from '../api/products';
import { quotationsApi, type Inquiry, type InquiryInput } from '../api/quotations';
import { FormModal } from '../components/FormModal';
import { PageHeader } from '../components/PageHeader';
import { ReasonDialog } from '../components/ReasonDialog';
import { RemoteSelect } from '../components/RemoteSelect';
import { useSession } from '../auth/session';
import { companyToday } from '../format';
import { QuotationFields, quotationBody, type QuotationFormValues } from './quotations/QuotationForm';
import { addTexts } from '../i18n';
import * as quotationTexts from './quotations/texts';

addTexts(quotationTexts);

const SOURCES = ['email', 'crm', 'fax', 'phone', 'ecommerce', 'onsite', 'import'];
const COLOR: Record<string, string> = { open: 'processing', quoted: 'success', declined: 'default' };
type NewInquiry = Omit<InquiryInput, 'lines'> & {
  lines: { productId?: string; description?: string; spec?: string; unit?: string; qty: number }[];
};

/** 询盘: what customers ask; answered by a quotation (prefilled from the inquiry) or declined with a reason. */
export function InquiriesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [items, setItems] = useState<Inquiry[]>([]);
  const [creating, setCreating] = useState(false);
  const [quoting, setQuoting] = useState<Inquiry>();
  const [declining, setDeclining] = useState<Inquiry>();
  const [handlers, setHandlers] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => void quotationsApi.handlers().then(setHandlers), []);
  const load = useCallback(async () => setItems((await quotationsApi.inquiries({ pageSize: 100 })).items), []);
  useEffect(() => void load(), [load]);
  const sales = can('sales_assistant');

  return (
    <>
      <PageHeader
        title={t('quotations.inquiries')}
        extra={
          sales && (
            <Button type="primary" data-testid="inquiry-new" onClick={() => setCreating(true)}>
              {t('quotations.newInquiry')}
            </Button>
          )
        }
      />
      <Table<Inquiry>
        rowKey="id"
        size="middle"
        dataSource={items}
        data-testid="inquiries"
        locale={{ emptyText: t('quotations.empty') }}
        columns={[
          { title: t('quotations.number'), dataIndex: 'number' },
          { title: t('quotations.customer'), key: 'c', render: (_: unknown, r) => r.customer.name },
          {
            title: t('quotations.source'),
            dataIndex: 'source',
            render: (s: string) => t(`quotations.sourceKind.${s}`),
          },
          {
            title: t('quotations.description'),
            key: 'd',
            render: (_: unknown, r) =>
              [
                r.description,
                ...r.lines.map(
                  (l) => `${l.description ?? ''}${l.spec ? ` ${l.spec}` : ''} × ${l.qty}${l.unit ? ` ${l.unit}` : ''}`,
                ),
              ]
                .filter(Boolean)
                .join('；'),
          },
          { title: t('quotations.wantedDate'), dataIndex: 'wantedDate' },
          { title: t('quotations.handler'), key: 'h', render: (_: unknown, r) => r.handler.name },
          {
            title: t('order.status'),
            dataIndex: 'status',
            render: (s: string, r) => (
              <span title={r.declineReason ?? undefined}>
                <Tag color={COLOR[s]}>{t(`quotations.inquiryStatus.${s}`)}</Tag>
                {r.declineReason}
              </span>
            ),
          },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_: unknown, r) => (
              <Space>
                {r.actions.includes('quote') && (
                  <Button size="small" type="primary" data-testid="inquiry-quote" onClick={() => setQuoting(r)}>
                    {t('quotations.quote')}
                  </Button>
                )}
                {r.actions.includes('decline') && (
                  <Button size="small" danger onClick={() => setDeclining(r)}>
                    {t('quotations.action.declineInquiry')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <FormModal<NewInquiry>
        open={creating}
        title={t('quotations.newInquiry')}
        initial={{ source: 'email', lines: [{ qty: 1 }] }}
        onClose={() => setCreating(false)}
        onSubmit={(v) =>
          quotationsApi.createInquiry({
            ...v,
            lines: v.lines
              .filter((l) => l.productId || l.description)
              .map((l) => ({
                ...(l.productId
                  ? { productId: l.productId }
                  : { description: l.description, unit: l.unit || undefined }),
                spec: l.spec || undefined,
                qty: l.qty,
              })),
          } as InquiryInput)
        }
        onSaved={() => {
          setCreating(false);
          void load();
        }}
        testId="inquiry-form"
      >
        {() => (
          <>
            <Space wrap align="start">
              <Form.Item name="customerId" label={t('quotations.customer')} rules={[{ required: true }]}>
                <RemoteSelect<Customer> url={customersApi.listUrl} label={(c) => `${c.shortCode} ${c.name}`} />
              </Form.Item>
              <Form.Item name="source" label={t('quotations.source')} rules={[{ required: true }]}>
                <Select
                  style={{ width: 120 }}
                  options={SOURCES.map((s) => ({ value: s, label: t(`quotations.sourceKind.${s}`) }))}
                />
              </Form.Item>
              <Form.Item name="handlerId" label={t('quotations.handler')}>
                <Select
                  allowClear
                  style={{ width: 140 }}
                  options={handlers.map((h) => ({ value: h.id, label: h.name }))}
                />
              </Form.Item>
              <Form.Item name="wantedDate" label={t('quotations.wantedDate')}>
                <Input type="date" />
              </Form.Item>
            </Space>
            <Form.Item name="description" label={t('quotations.description')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Form.List name="lines">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Form.Item name={[f.name, 'productId']}>
                        <RemoteSelect<Product>
                          url={productsApi.listUrl}
                          label={(p) => `${p.sku} ${p.name}`}
                          placeholder={t('quotations.product')}
                          allowClear
                        />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'description']}
                        rules={[
                          ({ getFieldValue }) => ({
                            required: !getFieldValue(['lines', f.name, 'productId']),
                            message: t('quotations.productOrDescription'),
                          }),
                        ]}
                      >
                        <Input placeholder={t('quotations.description')} data-testid="inquiry-line-description" />
                      </Form.Item>
                      <Form.Item name={[f.name, 'spec']}>
                        <Input style={{ width: 140 }} placeholder={t('quotations.spec')} maxLength={200} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'qty']} rules={[{ required: true }]}>
                        <InputNumber min={1} precision={0} placeholder={t('quotations.qty')} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'unit']}>
                        <Input style={{ width: 70 }} placeholder={t('quotations.unit')} maxLength={20} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ qty: 1 })}>
                    {t('quotations.addLine')}
                  </Button>
                </>
              )}
            </Form.List>
            <Space wrap style={{ marginTop: 12 }}>
              <Form.Item name="paymentTerms" label={t('quotations.paymentTerms')}>
                <Input maxLength={300} />
              </Form.Item>
              <Form.Item name="packingTerms" label={t('quotations.packingTerms')}>
                <Input maxLength={300} />
              </Form.Item>
            </Space>
          </>
        )}
      </FormModal>
      <FormModal<QuotationFormValues>
        open={!!quoting}
        title={`${t('quotations.newQuotation')} · ${quoting?.number ?? ''}`}
        initial={
          quoting && {
            customerId: quoting.customer.id,
            validUntil: companyToday(),
            expectedDeliveryDate: quoting.wantedDate ?? undefined,
            packingTerms: quoting.packingTerms,
            remarks: quoting.paymentTerms,
            // A described line comes along to be matched to a product (submit waits for it).
            lines: quoting.lines.map((l) =>
              l.productId
                ? { productId: l.productId, qty: l.qty }
                : { description: l.description, spec: l.spec, unit: l.unit, qty: l.qty },
            ),
            extraCosts: [],
          }
        }
        onClose={() => setQuoting(undefined)}
        onSubmit={async (v) => {
          const q = await quotationsApi.create({
            ...quotationBody(v),
            customerId: v.customerId!,
            inquiryId: quoting!.id,
          });
          navigate(`/quotations/${q.id}`);
        }}
        onSaved={() => setQuoting(undefined)}
        testId="quotation-form"
      >
        {() => <QuotationFields />}
      </FormModal>
      <ReasonDialog
        open={!!declining}
        title={t('quotations.action.declineInquiry')}
        reason="required"
        onCancel={() => setDeclining(undefined)}
        onOk={async (reason) => {
          await quotationsApi.declineInquiry(declining!.id, reason!);
          message.success(t('common.saved'));
          setDeclining(undefined);
          await load();
        }}
      />
    </>
  );
}
