import { Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';

const PAYMENTS = ['prepaid', 'credit', 'tt', 'lc', 'monthly', 'cod', 'dp', 'da', 'open_account'];

/** Contact, delivery, payment terms and remarks; the customer's card fills them in, the user may change them. */
export function DeliveryFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const paymentMethod = Form.useWatch('paymentMethod', form);
  const named = (field: string, message: string) =>
    t('orderForm.fieldError', { field: t(`orderForm.col.${field}`), message });
  return (
    <>
      <Space wrap align="start">
        <Form.Item name={['contact', 'name']} label={t('order.contact')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name={['delivery', 'consignee']} label={t('order.consignee')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name={['delivery', 'phone']} label={t('order.phone')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name={['delivery', 'address']} label={t('order.address')}>
          <Input style={{ width: 360 }} maxLength={300} />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item name="paymentMethod" label={t('order.paymentMethod')}>
          <Select
            style={{ width: 180 }}
            options={PAYMENTS.map((s) => ({ value: s, label: t(`enums.paymentMethod.${s}`) }))}
          />
        </Form.Item>
        {['credit', 'dp', 'da', 'open_account'].includes(paymentMethod) && (
          <Form.Item
            name="paymentDays"
            label={t('order.paymentDays')}
            rules={[{ type: 'integer', min: 0, max: 365, message: named('paymentDays', '0–365') }]}
          >
            <InputNumber precision={0} />
          </Form.Item>
        )}
        {paymentMethod === 'tt' && (
          <Form.Item
            name="depositPercent"
            label={t('order.depositPercent')}
            rules={[
              { required: true, message: t('orderForm.fill', { field: t('orderForm.col.depositPercent') }) },
              {
                pattern: /^(100(\.0{1,4})?|\d{1,2}(\.\d{1,4})?)$/,
                message: named('depositPercent', t('orderForm.notPercent')),
              },
            ]}
          >
            <Input style={{ width: 100 }} />
          </Form.Item>
        )}
      </Space>
      <Space wrap align="start">
        <Form.Item name="buyerRemark" label={t('order.buyerRemark')}>
          <Input.TextArea rows={2} style={{ width: 360 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="sellerRemark" label={t('order.sellerRemark')}>
          <Input.TextArea rows={2} style={{ width: 360 }} maxLength={1000} />
        </Form.Item>
      </Space>
    </>
  );
}
