import { Card, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Customer, Order } from '../../api/types';
import { customersApi } from '../../api/customers';
import { ordersApi } from '../../api/orders';
import { RemoteSelect } from '../../components/RemoteSelect';

const SOURCES = ['email', 'crm', 'fax', 'phone', 'ecommerce', 'onsite', 'import'];
const TYPES = ['standard', 'sample', 'replacement', 'material_prep', 'stock_prep'];
const PARTIES = ['company', 'carrier', 'customer'];
export const DATE_FORMAT = 'YYYY-MM-DD';

/** The order's head: customer, source, type, dates, and for 赔货 the fault, cost bearer and reason. */
export function HeaderFields({ onCustomer }: { onCustomer: (id: string) => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const orderType = Form.useWatch('orderType', form);
  const pick = (field: string) => ({
    required: true,
    message: t('orderForm.pick', { field: t(`orderForm.col.${field}`) }),
  });
  const fill = (field: string) => ({
    required: true,
    message: t('orderForm.fill', { field: t(`orderForm.col.${field}`) }),
  });
  // A past delivery date is allowed (a back-dated registration) but worth a warning.
  const notPast = {
    warningOnly: true,
    validator: async (_: unknown, v?: Dayjs | null) => {
      if (v && v.isBefore(dayjs(), 'day')) throw new Error(t('orderForm.pastDelivery'));
    },
  };
  const parties = PARTIES.map((p) => ({ value: p, label: t(`special.party.${p}`) }));

  return (
    <Card size="small">
      <Space wrap align="start">
        <Form.Item name="customerId" label={t('order.customer')} rules={[pick('customer')]}>
          <RemoteSelect<Customer>
            url={customersApi.listUrl}
            label={(c) => `${c.shortCode} ${c.name}`}
            onChange={onCustomer}
            testId="order-customer"
            style={{ width: 300 }}
          />
        </Form.Item>
        <Form.Item name="source" label={t('order.source')} rules={[pick('source')]}>
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
          <Select style={{ width: 120 }} options={TYPES.map((s) => ({ value: s, label: t(`enums.orderType.${s}`) }))} />
        </Form.Item>
        <Form.Item name="orderDate" label={t('order.orderDate')}>
          {/* Left empty, the server dates the order today in the company's time zone. */}
          <DatePicker format={DATE_FORMAT} placeholder={t('orderForm.today')} data-testid="order-date" />
        </Form.Item>
        <Form.Item
          name="expectedDeliveryDate"
          label={t('order.expectedDeliveryDate')}
          rules={[pick('expectedDeliveryDate'), notPast]}
        >
          <DatePicker format={DATE_FORMAT} data-testid="order-delivery-date" />
        </Form.Item>
        <Form.Item name="customerPo" label={t('order.customerPo')}>
          <Input style={{ width: 160 }} maxLength={60} />
        </Form.Item>
      </Space>
      {orderType === 'replacement' && (
        <Space wrap align="start" data-testid="replacement-fields">
          <Form.Item name={['replacement', 'faultParty']} label={t('special.faultParty')} rules={[pick('faultParty')]}>
            <Select style={{ width: 120 }} options={parties} />
          </Form.Item>
          <Form.Item name={['replacement', 'costBearer']} label={t('special.costBearer')} rules={[pick('costBearer')]}>
            <Select style={{ width: 120 }} options={parties} />
          </Form.Item>
          <Form.Item
            name={['replacement', 'reason']}
            label={t('special.replacementReason')}
            rules={[
              fill('reason'),
              { whitespace: true, message: t('orderForm.fill', { field: t('orderForm.col.reason') }) },
            ]}
          >
            <Input style={{ width: 320 }} maxLength={500} />
          </Form.Item>
          <Form.Item name={['replacement', 'replacesOrderId']} label={t('special.replacesOrder')}>
            <RemoteSelect<Order> url={ordersApi.listUrl} label={(o) => o.number} style={{ width: 200 }} />
          </Form.Item>
        </Space>
      )}
    </Card>
  );
}
