import { Button, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { customersApi, type Customer } from '../../api/customers';
import { productsApi, type Product } from '../../api/products';
import { RemoteSelect } from '../../components/RemoteSelect';
import { currencySign } from '../../format';
import { ExportFields } from '../order-form/ExportFields';

export type QuotationFormValues = {
  customerId?: string;
  inquiryId?: string;
  validUntil: string;
  expectedDeliveryDate?: string;
  paymentMethod?: string;
  packingTerms?: string;
  remarks?: string;
  note?: string;
  /** A line with a description and no product is an inquiry's free description, to be matched to a product. */
  lines: {
    productId?: string;
    description?: string;
    spec?: string;
    unit?: string;
    qty: number;
    unitPrice?: string;
    remark?: string;
  }[];
  extraCosts: { kind: string; amount: string }[];
  /** 外贸 */
  currency?: string;
  export?: boolean;
  tradeTerm?: string;
  portOfLoading?: string;
  portOfDestination?: string;
  containerType?: string;
  containerCount?: number;
};

const PAYMENT = ['prepaid', 'credit', 'tt', 'lc', 'monthly', 'cod'];
const KINDS = ['packing', 'freight', 'tooling', 'other'];
const money = /^\d{1,8}(\.\d{1,2})?$/;

/** An inquiry's description beside the product select, until a product is picked for it. */
function Unmatched({ name }: { name: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<QuotationFormValues>();
  const line = Form.useWatch(['lines', name], form) as QuotationFormValues['lines'][number] | undefined;
  if (!line?.description || line.productId) return null;
  return (
    <Tag color="warning" data-testid="line-unmatched">
      {t('quotations.toMatch')}: {[line.description, line.spec, line.unit].filter(Boolean).join(' · ')}
    </Tag>
  );
}

/** The fields of a quotation (new or revised): customer, terms, priced lines and extra cost items. */
export function QuotationFields({ revising }: { revising?: boolean }) {
  const { t } = useTranslation();
  // Prices are typed in the quotation's currency (US$ for a USD quotation).
  const currency = Form.useWatch('currency', Form.useFormInstance<QuotationFormValues>());
  return (
    <>
      {!revising && (
        <Form.Item name="customerId" label={t('quotations.customer')} rules={[{ required: true }]}>
          <RemoteSelect<Customer> url={customersApi.listUrl} label={(c) => `${c.shortCode} ${c.name}`} />
        </Form.Item>
      )}
      <Space wrap align="start">
        <Form.Item name="validUntil" label={t('quotations.validUntil')} rules={[{ required: true }]}>
          <Input type="date" data-testid="quotation-valid-until" />
        </Form.Item>
        <Form.Item name="expectedDeliveryDate" label={t('quotations.deliveryDate')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="paymentMethod" label={t('quotations.paymentMethod')}>
          <Select
            allowClear
            style={{ width: 160 }}
            options={PAYMENT.map((p) => ({ value: p, label: t(`enums.paymentMethod.${p}`) }))}
          />
        </Form.Item>
      </Space>
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                {(['description', 'spec', 'unit'] as const).map((k) => (
                  <Form.Item key={k} name={[f.name, k]} hidden>
                    <Input />
                  </Form.Item>
                ))}
                <Unmatched name={f.name} />
                <Form.Item
                  name={[f.name, 'productId']}
                  rules={[
                    ({ getFieldValue }) => ({
                      required: !getFieldValue(['lines', f.name, 'description']),
                      message: t('quotations.productRequired'),
                    }),
                  ]}
                >
                  <RemoteSelect<Product>
                    url={productsApi.listUrl}
                    label={(p) => `${p.sku} ${p.name}`}
                    placeholder={t('quotations.product')}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'qty']} rules={[{ required: true }, { type: 'integer', min: 1 }]}>
                  <InputNumber min={1} precision={0} placeholder={t('quotations.qty')} data-testid="line-qty" />
                </Form.Item>
                <Form.Item name={[f.name, 'unitPrice']} rules={[{ pattern: money }]}>
                  <Input
                    style={{ width: 130 }}
                    placeholder={t('quotations.listPriceHint')}
                    prefix={currencySign(currency)}
                    data-testid="line-price"
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'remark']}>
                  <Input style={{ width: 140 }} placeholder={t('quotations.remark')} />
                </Form.Item>
                {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ qty: 1 })}>
              {t('quotations.addLine')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.List name="extraCosts">
        {(fields, { add, remove }) => (
          <div style={{ marginTop: 12 }}>
            {fields.map((f) => (
              <Space key={f.key} align="baseline">
                <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]}>
                  <Select
                    style={{ width: 120 }}
                    options={KINDS.map((k) => ({ value: k, label: t(`quotations.costKind.${k}`) }))}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'amount']} rules={[{ required: true }, { pattern: money }]}>
                  <Input style={{ width: 130 }} prefix="¥" placeholder={t('quotations.amount')} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'freight' })}>
              {t('quotations.addCost')}
            </Button>
          </div>
        )}
      </Form.List>
      <Form.Item name="packingTerms" label={t('quotations.packingTerms')} style={{ marginTop: 12 }}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="remarks" label={t('quotations.remarks')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      {!revising && (
        <fieldset data-testid="quotation-export">
          <legend>{t('quotations.exportSection')}</legend>
          <ExportFields />
        </fieldset>
      )}
      {revising && (
        <Form.Item name="note" label={t('quotations.note')}>
          <Input maxLength={500} />
        </Form.Item>
      )}
    </>
  );
}

/** Form values as the API takes them: empty prices and dates left out (the list price, no date). */
export function quotationBody(v: QuotationFormValues) {
  return {
    validUntil: v.validUntil,
    expectedDeliveryDate: v.expectedDeliveryDate || undefined,
    paymentMethod: (v.paymentMethod || undefined) as never,
    packingTerms: v.packingTerms ?? '',
    remarks: v.remarks ?? '',
    lines: v.lines.map((l) => ({
      ...(l.productId
        ? { productId: l.productId }
        : { description: l.description, spec: l.spec || undefined, unit: l.unit || undefined }),
      qty: l.qty,
      ...(l.unitPrice ? { unitPrice: l.unitPrice } : {}),
      remark: l.remark ?? '',
    })),
    extraCosts: (v.extraCosts ?? []).map((c) => ({ kind: c.kind as never, amount: c.amount })),
    ...(v.currency ? { currency: v.currency } : {}),
    ...(v.export !== undefined ? { export: v.export } : {}),
    ...(v.tradeTerm ? { tradeTerm: v.tradeTerm as never } : {}),
    ...(v.portOfLoading ? { portOfLoading: v.portOfLoading } : {}),
    ...(v.portOfDestination ? { portOfDestination: v.portOfDestination } : {}),
    ...(v.containerType ? { containerType: v.containerType as never } : {}),
    ...(v.containerCount !== undefined && v.containerCount !== null ? { containerCount: v.containerCount } : {}),
  };
}
