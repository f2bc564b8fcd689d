import { Button, Checkbox, Flex, Form, Input, InputNumber, Table, Typography, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../api/types';
import { productsApi } from '../../api/products';
import { RemoteSelect } from '../../components/RemoteSelect';
import { currencySign, money, yuan } from '../../format';
import { defaultPrice, lineAmountFen, linesTotalFen } from './amounts';
import { lineRules, type LineValue } from './lineRules';
import { chineseCapital, formatFen, parseFen } from './money';
import type { LineProduct } from './useLineProducts';

type Props = {
  form: FormInstance;
  products: Record<string, LineProduct>;
  loadProduct: (id: string) => Promise<LineProduct>;
};

const cell = { style: { marginBottom: 0 } };

/** 订单明细: one editable row per line, priced from the price list as the product is picked, with the total. */
export function LinesTable({ form, products, loadProduct }: Props) {
  const { t } = useTranslation();
  const lines = (Form.useWatch('lines', form) ?? []) as (LineValue | undefined)[];
  const orderType = Form.useWatch('orderType', form) as string | undefined;
  // 外贸: prices are in the order's currency; the price list and the capitals (大写, in 元) are RMB only.
  const currency = (Form.useWatch('currency', form) as string | undefined) ?? 'CNY';
  const productOf = (i: number) => {
    const id = lines[i]?.productId;
    return id ? products[id] : undefined;
  };

  const pickProduct = async (index: number, productId: string) => {
    const price = ['lines', index, 'unitPrice'];
    const before = form.getFieldValue(price);
    const p = await loadProduct(productId);
    // A price typed while the product was loading is the user's: the list price does not overwrite it.
    if (form.getFieldValue(price) !== before || form.getFieldValue(['lines', index, 'productId']) !== productId) return;
    form.setFieldValue(price, defaultPrice(p, form.getFieldValue('orderType')));
  };

  /** "低于价目表价 ¥x": a price typed away from the list, worth a second look (the reviewer sees it too). */
  const priceWarning = (i: number) => {
    const p = productOf(i);
    const line = lines[i];
    const typed = parseFen(line?.unitPrice);
    if (!p || !line || line.gift || typed === null || orderType === 'sample' || orderType === 'replacement') return;
    if (currency !== 'CNY') return;
    const list = parseFen(p.listPrice);
    if (list === null || typed === list) return;
    return t(typed < list ? 'orderForm.belowList' : 'orderForm.aboveList', { price: yuan(p.listPrice) });
  };

  const stockWarning = (i: number) => {
    const available = productOf(i)?.available;
    const qty = lines[i]?.qty;
    if (available === undefined || typeof qty !== 'number' || qty <= available) return;
    return t('orderForm.shortStock', { available });
  };

  const hint = (text: string | undefined, testId: string) =>
    text && (
      <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid={testId}>
        {text}
      </Typography.Text>
    );

  const total = linesTotalFen(lines, products, orderType);

  return (
    <Form.List name="lines">
      {(fields, { add, remove }) => (
        <>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={fields}
            scroll={{ x: 1050 }}
            data-testid="order-lines-table"
            columns={[
              {
                title: '#',
                width: 40,
                render: (_, f) => f.name + 1,
              },
              {
                title: t('orderForm.col.product'),
                width: 250,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'productId']} rules={lineRules(t, f.name).product} {...cell}>
                    <RemoteSelect<Product>
                      url={productsApi.listUrl}
                      label={(p) => `${p.sku} ${p.name}`}
                      placeholder={t('orderForm.productPlaceholder')}
                      onChange={(v) => void pickProduct(f.name, v)}
                      testId="order-line-product"
                      style={{ width: 230 }}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t('orderForm.col.spec'),
                width: 110,
                render: (_, f) => <span data-testid="order-line-spec">{productOf(f.name)?.spec}</span>,
              },
              {
                title: t('orderForm.col.unit'),
                width: 60,
                render: (_, f) => productOf(f.name)?.unit,
              },
              {
                title: t('orderForm.col.qty'),
                width: 160,
                render: (_, f) => (
                  <>
                    <Form.Item name={[f.name, 'qty']} rules={lineRules(t, f.name).qty} {...cell}>
                      <InputNumber precision={0} style={{ width: 100 }} data-testid="order-line-qty" />
                    </Form.Item>
                    {hint(stockWarning(f.name), 'order-line-stock-warning')}
                  </>
                ),
              },
              {
                title: t('orderForm.col.unitPrice'),
                width: 130,
                render: (_, f) => (
                  <>
                    <Form.Item name={[f.name, 'unitPrice']} rules={lineRules(t, f.name).unitPrice} {...cell}>
                      <Input prefix={currencySign(currency)} style={{ width: 115 }} data-testid="order-line-price" />
                    </Form.Item>
                    {hint(priceWarning(f.name), 'order-line-price-warning')}
                  </>
                ),
              },
              {
                title: t('orderForm.col.amount'),
                width: 110,
                align: 'right',
                render: (_, f) => (
                  <span data-testid="order-line-amount">
                    {money(formatFen(lineAmountFen(lines[f.name], productOf(f.name), orderType)), currency)}
                  </span>
                ),
              },
              {
                title: t('orderForm.col.gift'),
                width: 60,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'gift']} valuePropName="checked" {...cell}>
                    <Checkbox data-testid="order-line-gift" aria-label={t('orderForm.col.gift')} />
                  </Form.Item>
                ),
              },
              {
                title: t('orderForm.col.available'),
                width: 80,
                align: 'right',
                render: (_, f) => <span data-testid="order-line-available">{productOf(f.name)?.available}</span>,
              },
              {
                width: 50,
                fixed: 'right',
                render: (_, f) => (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    disabled={fields.length <= 1}
                    title={t('orderForm.removeLine')}
                    aria-label={t('orderForm.removeLine')}
                    onClick={() => remove(f.name)}
                    data-testid="order-line-remove"
                  />
                ),
              },
            ]}
          />
          <Flex justify="space-between" align="start" wrap gap={8} style={{ marginTop: 8 }}>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ qty: 1 })} data-testid="order-line-add">
              {t('orderForm.addLine')}
            </Button>
            <div style={{ textAlign: 'right' }}>
              <Typography.Text strong>
                {t('orderForm.total')} <span data-testid="order-form-total">{money(formatFen(total), currency)}</span>
              </Typography.Text>
              {currency === 'CNY' && (
                <>
                  <br />
                  <Typography.Text type="secondary">
                    {t('orderForm.inWords')}
                    <span data-testid="order-form-capital">{chineseCapital(total)}</span>
                  </Typography.Text>
                </>
              )}
            </div>
          </Flex>
        </>
      )}
    </Form.List>
  );
}
