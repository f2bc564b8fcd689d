import { App, Button, Card, Checkbox, Divider, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Customer, Order, Product } from '../api/types';
import { RemoteSelect } from '../components/RemoteSelect';
import { moneyRule, showServerErrors } from '../components/forms';

const SOURCES = ['email', 'crm', 'fax', 'phone', 'ecommerce', 'onsite', 'import'];
const TYPES = ['standard', 'sample', 'replacement', 'material_prep', 'stock_prep'];
const PAYMENTS = ['prepaid', 'credit', 'tt', 'lc', 'monthly', 'cod'];
const PARTIES = ['company', 'carrier', 'customer'];

type FormValues = Partial<Order> & {
  customerId?: string;
  lines?: { productId: string; qty: number; unitPrice?: string; gift?: boolean }[];
};

/** Registration (登记) and editing of a draft; validates as you type, the server prices and numbers it. */
export function OrderFormPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id } = useParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const [order, setOrder] = useState<Order>();
  const [saving, setSaving] = useState(false);
  const paymentMethod = Form.useWatch('paymentMethod', form);
  const orderType = Form.useWatch('orderType', form);

  useEffect(() => {
    if (!id)
      return void form.setFieldsValue({
        source: 'email',
        urgency: 'normal',
        orderType: 'standard',
        lines: [{ productId: undefined as never, qty: 1 }],
      });
    void api.get<Order>(`/api/orders/${id}`).then((o) => {
      setOrder(o);
      form.setFieldsValue({
        ...o,
        customerId: o.customer.id,
        lines: o.lines.map((l) => ({ productId: l.productId, qty: l.qty, unitPrice: l.unitPrice, gift: l.gift })),
      });
    });
  }, [id]);

  const pickCustomer = async (customerId: string) => {
    const c = await api.get<Customer>(`/api/customers/${customerId}`);
    const address = c.addresses.find((a) => a.isDefault) ?? c.addresses[0];
    form.setFieldsValue({
      paymentMethod: c.paymentMethod,
      paymentDays: c.paymentDays,
      contact: c.contacts[0] ? { name: c.contacts[0].name, phone: c.contacts[0].phone } : undefined,
      delivery: address ? { consignee: address.consignee, phone: address.phone, address: address.address } : undefined,
    });
  };

  const pickProduct = async (index: number, productId: string) => {
    const p = await api.get<Product>(`/api/products/${productId}`);
    const lines = form.getFieldValue('lines');
    // 赔货 defaults to cost (zero profit); a free sample is priced at zero by the server.
    const type = form.getFieldValue('orderType');
    const unitPrice = type === 'replacement' ? p.standardCost : type === 'sample' ? '0.00' : p.listPrice;
    lines[index] = { ...lines[index], unitPrice };
    form.setFieldsValue({ lines });
  };

  const save = async () => {
    const { customerId, ...values } = await form.validateFields();
    setSaving(true);
    try {
      const clean: Record<string, unknown> = Object.fromEntries(
        Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''),
      );
      // 赔货: the fault, who bears the cost and why go with a replacement order only.
      const r = values.replacement;
      if (values.orderType === 'replacement' && r)
        clean.replacement = {
          faultParty: r.faultParty,
          costBearer: r.costBearer,
          reason: r.reason,
          ...(r.replacesOrderId ? { replacesOrderId: r.replacesOrderId } : {}),
        };
      else delete clean.replacement;
      const saved = order
        ? await api.patch<Order>(`/api/orders/${order.id}`, { ...clean, version: order.version })
        : await api.post<Order>('/api/orders', { customerId, ...clean });
      message.success(t('common.saved'));
      navigate(`/orders/${saved.id}`);
    } catch (e) {
      if (!showServerErrors(form, e)) message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Typography.Title level={4}>
        {order ? `${t('order.editTitle')} ${order.number}` : t('order.newTitle')}
      </Typography.Title>
      <Form form={form} layout="vertical" data-testid="order-form">
        <Card size="small">
          <Space wrap align="start">
            <Form.Item name="customerId" label={t('order.customer')} rules={[{ required: true }]}>
              <RemoteSelect<Customer>
                url="/api/customers"
                label={(c) => `${c.shortCode} ${c.name}`}
                onChange={(v) => void pickCustomer(v)}
                testId="order-customer"
                style={{ width: 300 }}
              />
            </Form.Item>
            <Form.Item name="source" label={t('order.source')} rules={[{ required: true }]}>
              <Select
                style={{ width: 120 }}
                options={SOURCES.map((s) => ({ value: s, label: t(`enums.orderSource.${s}`) }))}
              />
            </Form.Item>
            <Form.Item name="urgency" label={t('order.urgency')}>
              <Select
                style={{ width: 100 }}
                options={[
                  { value: 'normal', label: t('order.normal') },
                  { value: 'urgent', label: t('order.urgent') },
                ]}
              />
            </Form.Item>
            <Form.Item name="orderType" label={t('order.orderType')}>
              <Select
                style={{ width: 120 }}
                options={TYPES.map((s) => ({ value: s, label: t(`enums.orderType.${s}`) }))}
              />
            </Form.Item>
            <Form.Item name="expectedDeliveryDate" label={t('order.expectedDeliveryDate')} rules={[{ required: true }]}>
              <Input type="date" data-testid="order-delivery-date" />
            </Form.Item>
            <Form.Item name="customerPo" label={t('order.customerPo')}>
              <Input style={{ width: 160 }} />
            </Form.Item>
          </Space>
          {orderType === 'replacement' && (
            <Space wrap align="start" data-testid="replacement-fields">
              <Form.Item
                name={['replacement', 'faultParty']}
                label={t('special.faultParty')}
                rules={[{ required: true }]}
              >
                <Select
                  style={{ width: 120 }}
                  options={PARTIES.map((p) => ({ value: p, label: t(`special.party.${p}`) }))}
                />
              </Form.Item>
              <Form.Item
                name={['replacement', 'costBearer']}
                label={t('special.costBearer')}
                rules={[{ required: true }]}
              >
                <Select
                  style={{ width: 120 }}
                  options={PARTIES.map((p) => ({ value: p, label: t(`special.party.${p}`) }))}
                />
              </Form.Item>
              <Form.Item
                name={['replacement', 'reason']}
                label={t('special.replacementReason')}
                rules={[{ required: true, max: 500 }]}
              >
                <Input style={{ width: 320 }} />
              </Form.Item>
              <Form.Item name={['replacement', 'replacesOrderId']} label={t('special.replacesOrder')}>
                <RemoteSelect<Order> url="/api/orders" label={(o) => o.number} style={{ width: 200 }} />
              </Form.Item>
            </Space>
          )}
        </Card>

        <Divider titlePlacement="start">{t('order.lines')}</Divider>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'productId']} rules={[{ required: true }]}>
                    <RemoteSelect<Product>
                      url="/api/products"
                      label={(p) => `${p.sku} ${p.name}`}
                      placeholder={t('order.product')}
                      onChange={(v) => void pickProduct(f.name, v)}
                      testId="order-line-product"
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'qty']} rules={[{ required: true }, { type: 'integer', min: 1 }]}>
                    <InputNumber min={1} precision={0} placeholder={t('order.qty')} data-testid="order-line-qty" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unitPrice']} rules={[moneyRule]}>
                    <Input placeholder={t('order.unitPrice')} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'gift']} valuePropName="checked">
                    <Checkbox>{t('order.gift')}</Checkbox>
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

        <Divider titlePlacement="start">{t('order.delivery')}</Divider>
        <Space wrap align="start">
          <Form.Item name={['contact', 'name']} label={t('order.contact')}>
            <Input />
          </Form.Item>
          <Form.Item name={['delivery', 'consignee']} label={t('order.consignee')}>
            <Input />
          </Form.Item>
          <Form.Item name={['delivery', 'phone']} label={t('order.phone')}>
            <Input />
          </Form.Item>
          <Form.Item name={['delivery', 'address']} label={t('order.address')}>
            <Input style={{ width: 360 }} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="paymentMethod" label={t('order.paymentMethod')}>
            <Select
              style={{ width: 180 }}
              options={PAYMENTS.map((s) => ({ value: s, label: t(`enums.paymentMethod.${s}`) }))}
            />
          </Form.Item>
          {paymentMethod === 'credit' && (
            <Form.Item name="paymentDays" label={t('order.paymentDays')}>
              <InputNumber min={0} max={365} precision={0} />
            </Form.Item>
          )}
          {paymentMethod === 'tt' && (
            <Form.Item
              name="depositPercent"
              label={t('order.depositPercent')}
              rules={[{ required: true }, { pattern: /^\d{1,3}(\.\d{1,4})?$/, message: '0–100' }]}
            >
              <Input style={{ width: 100 }} />
            </Form.Item>
          )}
        </Space>
        <Space wrap align="start">
          <Form.Item name="buyerRemark" label={t('order.buyerRemark')}>
            <Input.TextArea rows={2} style={{ width: 360 }} />
          </Form.Item>
          <Form.Item name="sellerRemark" label={t('order.sellerRemark')}>
            <Input.TextArea rows={2} style={{ width: 360 }} />
          </Form.Item>
        </Space>
        <Button type="primary" loading={saving} onClick={save} data-testid="order-save">
          {t('order.saveDraft')}
        </Button>
      </Form>
    </>
  );
}
