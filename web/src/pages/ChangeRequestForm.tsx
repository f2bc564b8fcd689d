import { Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ACTION_TYPES, changes, type ActionType, type ChangeAction } from '../api/changes';
import type { Order } from '../api/types';
import { productsApi } from '../api/products';
import { FormModal } from '../components/FormModal';
import { RemoteSelect } from '../components/RemoteSelect';
import { moneyRule } from '../components/forms';

type Row = {
  type: ActionType;
  lineNo?: number;
  qty?: number;
  unitPrice?: string;
  productId?: string;
  date?: Dayjs;
  consignee?: string;
  phone?: string;
  address?: string;
  paymentMethod?: string;
  paymentDays?: number;
};
type Values = { actions: Row[]; reason: string; requestedBy: 'customer' | 'internal' };

function toAction(r: Row): ChangeAction {
  switch (r.type) {
    case 'change_qty':
      return { type: r.type, lineNo: r.lineNo!, qty: r.qty! };
    case 'add_line':
      return { type: r.type, productId: r.productId!, qty: r.qty!, unitPrice: r.unitPrice || undefined };
    case 'remove_line':
      return { type: r.type, lineNo: r.lineNo! };
    case 'change_price':
      return { type: r.type, lineNo: r.lineNo!, unitPrice: r.unitPrice! };
    case 'change_delivery_date':
      return { type: r.type, expectedDeliveryDate: r.date!.format('YYYY-MM-DD') };
    case 'change_delivery':
      return {
        type: r.type,
        delivery: { consignee: r.consignee!, phone: r.phone || undefined, address: r.address! },
      };
    case 'change_payment_terms':
      return { type: r.type, paymentMethod: r.paymentMethod!, paymentDays: r.paymentDays ?? 0 };
  }
}

const PAYMENT_METHODS = ['prepaid', 'credit', 'tt', 'lc', 'monthly', 'cod'];
/** A new change starts with one quantity change asked by the customer (one object, so the form keeps its input). */
const initial: Partial<Values> = { actions: [{ type: 'change_qty' }], requestedBy: 'customer' };

/** 申请变更: the actions on the order's lines and terms, a reason and who asked; opens the change request. */
export function ChangeRequestForm({ order, open, onClose }: { order: Order; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const lineOptions = order.lines.map((l) => ({
    value: l.lineNo,
    label: `${l.lineNo}. ${l.sku} ${l.name} × ${l.qty}`,
  }));
  return (
    <FormModal<Values>
      open={open}
      title={t('changeReq.request')}
      initial={initial}
      onClose={onClose}
      testId="change-form"
      onSubmit={async (v) => {
        const created = await changes.open(order.id, {
          actions: v.actions.map(toAction),
          reason: v.reason,
          requestedBy: v.requestedBy,
        });
        navigate(`/change-requests/${created.id}`);
      }}
      onSaved={onClose}
    >
      {() => (
        <>
          <Form.List name="actions">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" wrap style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'type']} rules={[{ required: true }]}>
                      <Select
                        style={{ width: 160 }}
                        data-testid={`change-type-${f.name}`}
                        options={ACTION_TYPES.map((a) => ({ value: a, label: t(`changeReq.action.${a}`) }))}
                      />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {({ getFieldValue }) => {
                        const type = getFieldValue(['actions', f.name, 'type']) as ActionType;
                        const line = (
                          <Form.Item name={[f.name, 'lineNo']} rules={[{ required: true }]}>
                            <Select
                              style={{ width: 220 }}
                              placeholder={t('changeReq.line')}
                              options={lineOptions}
                              data-testid={`change-line-${f.name}`}
                            />
                          </Form.Item>
                        );
                        const qty = (
                          <Form.Item name={[f.name, 'qty']} rules={[{ required: true }]}>
                            <InputNumber
                              min={1}
                              precision={0}
                              placeholder={t('order.qty')}
                              data-testid={`change-qty-${f.name}`}
                            />
                          </Form.Item>
                        );
                        const price = (required: boolean) => (
                          <Form.Item name={[f.name, 'unitPrice']} rules={[{ required }, moneyRule]}>
                            <Input style={{ width: 120 }} placeholder={t('order.unitPrice')} />
                          </Form.Item>
                        );
                        if (type === 'change_qty')
                          return (
                            <>
                              {line}
                              {qty}
                            </>
                          );
                        if (type === 'remove_line') return line;
                        if (type === 'change_price')
                          return (
                            <>
                              {line}
                              {price(true)}
                            </>
                          );
                        if (type === 'add_line')
                          return (
                            <>
                              <Form.Item name={[f.name, 'productId']} rules={[{ required: true }]}>
                                <RemoteSelect<{ id: string; sku: string; name: string }>
                                  url={productsApi.listUrl}
                                  label={(p) => `${p.sku} ${p.name}`}
                                />
                              </Form.Item>
                              {qty}
                              {price(false)}
                            </>
                          );
                        if (type === 'change_delivery_date')
                          return (
                            <Form.Item name={[f.name, 'date']} rules={[{ required: true }]}>
                              <DatePicker />
                            </Form.Item>
                          );
                        if (type === 'change_delivery')
                          return (
                            <>
                              <Form.Item name={[f.name, 'consignee']} rules={[{ required: true, max: 50 }]}>
                                <Input placeholder={t('order.consignee')} />
                              </Form.Item>
                              <Form.Item name={[f.name, 'phone']} rules={[{ max: 30 }]}>
                                <Input placeholder={t('changeReq.phone')} />
                              </Form.Item>
                              <Form.Item name={[f.name, 'address']} rules={[{ required: true, max: 300 }]}>
                                <Input style={{ width: 260 }} placeholder={t('order.address')} />
                              </Form.Item>
                            </>
                          );
                        return (
                          <>
                            <Form.Item name={[f.name, 'paymentMethod']} rules={[{ required: true }]}>
                              <Select
                                style={{ width: 140 }}
                                options={PAYMENT_METHODS.map((m) => ({
                                  value: m,
                                  label: t(`enums.paymentMethod.${m}`),
                                }))}
                              />
                            </Form.Item>
                            <Form.Item name={[f.name, 'paymentDays']}>
                              <InputNumber min={0} max={365} placeholder={t('changeReq.paymentDays')} />
                            </Form.Item>
                          </>
                        );
                      }}
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: 'change_qty' })}>
                  {t('changeReq.addAction')}
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item
            name="requestedBy"
            label={t('changeReq.requestedBy')}
            style={{ marginTop: 16 }}
            rules={[{ required: true }]}
          >
            <Select options={['customer', 'internal'].map((r) => ({ value: r, label: t(`changeReq.party.${r}`) }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('changeReq.reason')} rules={[{ required: true, max: 500 }]}>
            <Input.TextArea rows={2} data-testid="change-reason" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
