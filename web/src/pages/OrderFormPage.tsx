import { App, Button, Divider, Form } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { customersApi } from '../api/customers';
import { ordersApi, type OrderInput } from '../api/orders';
import type { Order } from '../api/types';
import { PageHeader } from '../components/PageHeader';
import { HeaderFields } from './order-form/HeaderFields';
import { DeliveryFields } from './order-form/DeliveryFields';
import { ExportFields } from './order-form/ExportFields';
import { LinesTable } from './order-form/LinesTable';
import { showOrderErrors } from './order-form/serverErrors';
import { useLineProducts } from './order-form/useLineProducts';
import { orderBody, type FormValues } from './order-form/orderBody';
import { addTexts } from '../i18n';
import * as exportTexts from './export-texts';

addTexts(exportTexts);

/** Registration (登记) and editing of a draft; checks as you type, the server prices and numbers it. */
export function OrderFormPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id } = useParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const [order, setOrder] = useState<Order>();
  const [saving, setSaving] = useState<'draft' | 'submit'>();
  // Set before the first await: a double click sends one request, not two.
  const busy = useRef(false);
  const { products, load } = useLineProducts();

  useEffect(() => {
    if (!id)
      return void form.setFieldsValue({
        source: 'email',
        urgency: 'normal',
        orderType: 'standard',
        lines: [{ qty: 1 }],
      });
    void ordersApi.get(id).then((o) => {
      setOrder(o);
      form.setFieldsValue({
        ...o,
        replacement: o.replacement ?? undefined,
        depositPercent: o.depositPercent ?? undefined,
        customerId: o.customer.id,
        orderDate: dayjs(o.orderDate),
        expectedDeliveryDate: o.expectedDeliveryDate ? dayjs(o.expectedDeliveryDate) : undefined,
        lines: o.lines.map((l) => ({ productId: l.productId, qty: l.qty, unitPrice: l.unitPrice, gift: l.gift })),
      } as FormValues);
      for (const productId of new Set(o.lines.map((l) => l.productId))) void load(productId).catch(() => undefined);
    });
  }, [id]);

  const pickCustomer = async (customerId: string) => {
    const c = await customersApi.get(customerId);
    const address = c.addresses.find((a) => a.isDefault) ?? c.addresses[0];
    form.setFieldsValue({
      paymentMethod: c.paymentMethod,
      paymentDays: c.paymentDays,
      contact: c.contacts[0] ? { name: c.contacts[0].name, phone: c.contacts[0].phone } : undefined,
      delivery: address ? { consignee: address.consignee, phone: address.phone, address: address.address } : undefined,
    });
  };

  const save = async (andSubmit: boolean) => {
    if (busy.current) return;
    busy.current = true;
    setSaving(andSubmit ? 'submit' : 'draft');
    let saved: Order | undefined;
    try {
      const values = await form.validateFields().catch(() => undefined);
      if (!values) return void message.error(t('orderForm.fixErrors'));
      const body = orderBody(values);
      saved = order
        ? await ordersApi.update(order.id, { ...body, version: order.version })
        : await ordersApi.create({ customerId: values.customerId, ...body } as OrderInput);
      if (andSubmit) await ordersApi.submit(saved.id);
      message.success(t(andSubmit ? 'orderForm.submitted' : 'orderForm.savedDraft', { number: saved.number }));
      navigate(`/orders/${saved.id}`);
    } catch (e) {
      if (saved) {
        // Saved but refused at submission: the draft exists, so the user continues from its page.
        message.error(t('orderForm.savedNotSubmitted', { number: saved.number, message: (e as Error).message }));
        return navigate(`/orders/${saved.id}`);
      }
      if (!showOrderErrors(form, e, t)) message.error((e as Error).message);
      else message.error(t('orderForm.fixErrors'));
    } finally {
      busy.current = false;
      setSaving(undefined);
    }
  };

  const actions = (
    <>
      <Button
        loading={saving === 'draft'}
        disabled={!!saving}
        onClick={() => void save(false)}
        data-testid="order-save"
      >
        {t('order.saveDraft')}
      </Button>
      <Button
        type="primary"
        loading={saving === 'submit'}
        disabled={!!saving}
        onClick={() => void save(true)}
        data-testid="order-save-submit"
      >
        {t('order.submit')}
      </Button>
    </>
  );

  return (
    <>
      <PageHeader title={order ? `${t('order.editTitle')} ${order.number}` : t('order.newTitle')} extra={actions} />
      <Form form={form} layout="vertical" data-testid="order-form">
        <HeaderFields onCustomer={(v) => void pickCustomer(v)} />
        <Divider titlePlacement="start">{t('order.lines')}</Divider>
        <LinesTable form={form} products={products} loadProduct={load} />
        <Divider titlePlacement="start">{t('order.delivery')}</Divider>
        <DeliveryFields />
        <Divider titlePlacement="start">{t('exportOrder.section')}</Divider>
        <ExportFields rate={order?.currency !== 'CNY' ? order?.exchangeRate : undefined} />
      </Form>
    </>
  );
}
