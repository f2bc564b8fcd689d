import { Alert, App, Button, Drawer, Form, Input, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiLanguage } from '../../api/client';
import { customersApi, type Customer, type CustomerPrice } from '../../api/customers';
import { productsApi, type Product } from '../../api/products';
import { useSession } from '../../auth/session';
import { ImportButton } from '../../components/ImportButton';
import { moneyRule, showServerErrors } from '../../components/forms';
import { RemoteSelect } from '../../components/RemoteSelect';
import { yuan } from '../../format';
import { addTexts } from '../../i18n';
import * as texts from './texts';

addTexts(texts);

type Values = {
  discountPercent?: string;
  prices: (Partial<Omit<CustomerPrice, 'validFrom' | 'validTo'>> & { validFrom?: string; validTo?: string })[];
};

/**
 * 客户价格: the customer's own prices (product, price, currency, validity) and its discount; quotation and order
 * lines default to them. Everyone in sales reads them; the sales director saves them, here or from Excel.
 */
export default function CustomerPrices({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [loaded, setLoaded] = useState<CustomerPrice[]>([]);
  const editor = can('sales_director');
  const load = useCallback(async () => {
    const p = await customersApi.prices(customer.id);
    setLoaded(p.prices);
    form.setFieldsValue({
      discountPercent: p.discountPercent ?? '',
      prices: p.prices.map((x) => ({ ...x, validFrom: x.validFrom ?? '', validTo: x.validTo ?? '' })),
    });
  }, [customer.id, form]);
  useEffect(() => void load(), [load]);

  const save = async (v: Values) => {
    setSaving(true);
    try {
      await customersApi.savePrices(customer.id, {
        discountPercent: v.discountPercent ? v.discountPercent : null,
        prices: (v.prices ?? []).map((x) => ({
          productId: x.productId!,
          price: x.price!,
          currency: x.currency || 'CNY',
          validFrom: x.validFrom || null,
          validTo: x.validTo || null,
        })),
      });
      message.success(t('common.saved'));
      await load();
    } catch (e) {
      if (!showServerErrors(form, e)) message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      width={860}
      title={`${t('customerPrices.title')} · ${customer.name}`}
      onClose={onClose}
      data-testid="customer-prices"
      extra={
        <Space>
          <Button href={customersApi.pricesExportUrl(customer.id, apiLanguage())}>{t('customerPrices.export')}</Button>
          {editor && <ImportButton url={customersApi.pricesImportUrl(customer.id)} onDone={() => void load()} />}
          {editor && (
            <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="customer-prices-save">
              {t('customerPrices.save')}
            </Button>
          )}
        </Space>
      }
    >
      {!editor && <Alert type="info" showIcon message={t('customerPrices.readOnly')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" disabled={!editor} onFinish={save}>
        <Form.Item
          name="discountPercent"
          label={t('customerPrices.discountPercent')}
          extra={t('customerPrices.discountHint')}
          rules={[{ pattern: /^\d{1,2}(\.\d{1,2})?$/, message: '0–99.99' }]}
        >
          <Input style={{ width: 120 }} suffix="%" data-testid="customer-discount" />
        </Form.Item>
        <Form.List name="prices">
          {(fields, { add, remove }) => (
            <>
              {fields.length > 0 && (
                <Space style={{ marginBottom: 4 }}>
                  {(
                    [
                      ['product', 260],
                      ['price', 120],
                      ['currency', 70],
                      ['validFrom', 150],
                      ['validTo', 150],
                    ] as const
                  ).map(([k, w]) => (
                    <Typography.Text key={k} type="secondary" style={{ display: 'inline-block', width: w }}>
                      {t(`customerPrices.${k}`)}
                    </Typography.Text>
                  ))}
                </Space>
              )}
              {fields.length === 0 && (
                <Typography.Paragraph type="secondary">{t('customerPrices.empty')}</Typography.Paragraph>
              )}
              {fields.map((f) => {
                const known = loaded.find((x) => x.productId === form.getFieldValue(['prices', f.name, 'productId']));
                return (
                  <Space key={f.key} align="baseline" wrap data-testid="customer-price-row">
                    <Form.Item name={[f.name, 'productId']} rules={[{ required: true }]}>
                      <RemoteSelect<Product>
                        url={productsApi.listUrl}
                        label={(p) => `${p.sku} ${p.name}`}
                        placeholder={t('customerPrices.product')}
                        initialLabel={known ? `${known.sku} ${known.name}` : undefined}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'price']} rules={[{ required: true }, moneyRule]}>
                      <Input style={{ width: 120 }} placeholder={t('customerPrices.price')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'currency']}>
                      <Input style={{ width: 70 }} placeholder="CNY" maxLength={3} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'validFrom']}>
                      <Input type="date" style={{ width: 150 }} title={t('customerPrices.validFrom')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'validTo']}>
                      <Input type="date" style={{ width: 150 }} title={t('customerPrices.validTo')} />
                    </Form.Item>
                    {known && (
                      <Typography.Text type="secondary">
                        {t('customerPrices.listPrice')} {yuan(known.listPrice)}
                      </Typography.Text>
                    )}
                    {editor && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                  </Space>
                );
              })}
              {editor && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ currency: 'CNY' })}>
                  {t('customerPrices.addPrice')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
