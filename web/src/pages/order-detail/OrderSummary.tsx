import { Descriptions, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Order, OrderLine } from '../../api/types';
import { money, yuan } from '../../format';
import { addTexts } from '../../i18n';
import * as exportTexts from '../export-texts';

addTexts(exportTexts);

/** Units still to ship: ordered, less shipped, less what a short-close closed. */
export const remainingOf = (l: OrderLine) => Math.max(0, l.qty - l.shipped - (l.closedQty ?? 0));

/** Every field of the order (订单详情) and its lines in one table. */
export function OrderSummary({ order }: { order: Order }) {
  const { t } = useTranslation();
  const o = order;
  /** Prices and totals are in the order's currency. */
  const price = (v: string) => money(v, o.currency);
  const remark = [o.buyerRemark, o.sellerRemark].filter(Boolean);
  return (
    <>
      <Descriptions
        style={{ marginTop: 16 }}
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 3 }}
        data-testid="order-fields"
        items={[
          { label: t('order.number'), children: o.number },
          { label: t('order.orderType'), children: t(`enums.orderType.${o.orderType}`) },
          {
            label: t('order.urgency'),
            children: (
              <Tag color={o.urgency === 'urgent' ? 'red' : undefined} data-testid="order-urgency">
                {t(`order.${o.urgency}`)}
              </Tag>
            ),
          },
          { label: t('order.orderDate'), children: o.orderDate },
          { label: t('order.expectedDeliveryDate'), children: o.expectedDeliveryDate ?? '—' },
          { label: t('order.source'), children: t(`enums.orderSource.${o.source}`) },
          {
            label: t('order.customer'),
            children: (
              <Link to={`/customers?customer=${o.customer.id}`} data-testid="order-customer">
                {o.customer.name}
              </Link>
            ),
          },
          {
            label: t('order.customerPo'),
            children: <span data-testid="order-customer-po">{o.customerPo || '—'}</span>,
          },
          {
            label: t('order.contact'),
            children: o.contact ? `${o.contact.name} ${o.contact.phone ?? ''}`.trim() : '—',
          },
          { label: t('order.consignee'), children: o.delivery?.consignee ?? '—' },
          { label: t('order.phone'), children: o.delivery?.phone ?? '—' },
          { label: t('order.address'), children: o.delivery?.address ?? '—' },
          { label: t('order.paymentMethod'), children: t(`enums.paymentMethod.${o.paymentMethod}`) },
          {
            label: t('orderPage.field.paymentDays'),
            children: (
              <span data-testid="order-payment-days">{t('orderPage.field.days', { count: o.paymentDays })}</span>
            ),
          },
          ...(o.depositPercent ? [{ label: t('order.depositPercent'), children: `${o.depositPercent}%` }] : []),
          { label: t('orderPage.field.salesperson'), children: o.registrar.name ?? '—' },
          { label: t('orderPage.field.version'), children: `V${o.version}` },
          { label: t('order.total'), children: <b data-testid="order-total">{money(o.total, o.currency)}</b> },
          ...(o.currency === 'CNY'
            ? []
            : [
                {
                  label: `${t('exportOrder.rmbTotal')} (${o.exchangeRate})`,
                  children: <span data-testid="order-rmb-total">{yuan(o.rmbTotal)}</span>,
                },
              ]),
          ...(o.export && o.tradeTerm
            ? [
                {
                  label: t('exportOrder.tradeTerm'),
                  children: [o.tradeTerm, o.portOfLoading, o.portOfDestination].filter(Boolean).join(' · '),
                },
              ]
            : []),
          {
            label: t('orderPage.field.remarks'),
            span: 'filled',
            children: remark.length ? (
              <>
                {o.buyerRemark && (
                  <div data-testid="order-buyer-remark">
                    {t('orderPage.labelled', { label: t('order.buyerRemark'), text: o.buyerRemark })}
                  </div>
                )}
                {o.sellerRemark && (
                  <div>{t('orderPage.labelled', { label: t('order.sellerRemark'), text: o.sellerRemark })}</div>
                )}
              </>
            ) : (
              '—'
            ),
          },
        ]}
      />
      <Table<OrderLine>
        style={{ marginTop: 16 }}
        size="small"
        rowKey="lineNo"
        pagination={false}
        dataSource={o.lines}
        data-testid="order-lines"
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '#', dataIndex: 'lineNo', width: 40 },
          { title: 'SKU', dataIndex: 'sku' },
          { title: t('order.product'), dataIndex: 'name' },
          { title: t('orderPage.line.spec'), dataIndex: 'spec' },
          { title: t('orderPage.line.unit'), dataIndex: 'unit' },
          { title: t('order.qty'), dataIndex: 'qty', align: 'right' },
          { title: t('orderPage.line.price'), dataIndex: 'unitPrice', align: 'right', render: (v: string) => price(v) },
          { title: t('order.amount'), dataIndex: 'amount', align: 'right', render: (v: string) => price(v) },
          {
            title: t('order.gift'),
            dataIndex: 'gift',
            render: (g: boolean) => (g ? <Tag color="gold">{t('order.gift')}</Tag> : null),
          },
          { title: t('order.reserved'), dataIndex: 'reserved', align: 'right' },
          { title: t('order.backordered'), dataIndex: 'backordered', align: 'right' },
          {
            title: t('orderPage.line.shipped'),
            dataIndex: 'shipped',
            align: 'right',
            render: (v: number, l) => <span data-testid={`line-shipped-${l.lineNo}`}>{v}</span>,
          },
          ...(o.shortClosedAt
            ? [{ title: t('special.closedQty'), dataIndex: 'closedQty', align: 'right' as const }]
            : []),
          {
            title: t('orderPage.line.remaining'),
            key: 'remaining',
            align: 'right',
            render: (_: unknown, l) => <span data-testid={`line-remaining-${l.lineNo}`}>{remainingOf(l)}</span>,
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={7}>
              {t('order.total')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={7} align="right">
              <b>{price(o.total)}</b>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </>
  );
}
