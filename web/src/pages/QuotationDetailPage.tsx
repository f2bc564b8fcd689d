import { Alert, App, Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { apiLanguage } from '../api/client';
import { quotationsApi, type Quotation, type QuotationLine } from '../api/quotations';
import { contractsApi } from '../api/contracts';
import { FormModal } from '../components/FormModal';
import { PageHeader } from '../components/PageHeader';
import { ReasonDialog } from '../components/ReasonDialog';
import { money, yuan } from '../format';
import { QuotationFields, quotationBody, type QuotationFormValues } from './quotations/QuotationForm';
import { QuotationStatus } from './quotations/QuotationStatus';
import { QuotationVersions } from './quotations/QuotationVersions';
import { addTexts } from '../i18n';
import * as quotationTexts from './quotations/texts';
import * as contractTexts from './contracts/texts';

addTexts(quotationTexts);
addTexts(contractTexts);

type Asking = 'reject' | 'decline' | undefined;
const SOURCE_COLOR: Record<QuotationLine['priceSource'], string> = {
  customer_price: 'blue',
  customer_discount: 'cyan',
  list_price: 'default',
  manual: 'orange',
  unmatched: 'warning',
};

/** 报价单: lines with cost and margin, totals, versions, and the moves the server offers (its `actions`). */
export function QuotationDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [q, setQ] = useState<Quotation>();
  const [asking, setAsking] = useState<Asking>();
  const [revising, setRevising] = useState(false);
  const load = useCallback(async () => setQ(await quotationsApi.get(id)), [id]);
  useEffect(() => void load(), [load]);
  if (!q) return null;
  /** Prices in the quotation's currency (RMB as ¥; costs and margins are always RMB). */
  const price = (v: string) => money(v, q.currency);

  const run = async (fn: () => Promise<Quotation>) => {
    try {
      setQ(await fn());
      message.success(t('common.saved'));
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const makeOrder = async () => {
    try {
      const { order } = await quotationsApi.order(q.id);
      message.success(t('quotations.orderCreated', { number: order.number }));
      navigate(`/orders/${order.id}`);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const draftContract = async () => {
    try {
      const k = await contractsApi.create(q.id);
      navigate(`/contracts/${k.id}`);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const simple: Record<string, () => Promise<Quotation>> = {
    submit: () => quotationsApi.submit(q.id),
    approve: () => quotationsApi.review(q.id, 'approve'),
    send: () => quotationsApi.send(q.id),
    accept: () => quotationsApi.accept(q.id),
  };
  const lang = apiLanguage();
  const reasons = q.approvalReasons.map((r) => t(`quotations.approvalReason.${r}`)).join('、');

  return (
    <>
      <PageHeader
        title={`${t('quotations.quotations')} ${q.number}`}
        extra={
          <Space wrap data-testid="quotation-actions">
            {q.actions.map((a) =>
              a in simple ? (
                <Button key={a} type="primary" data-testid={`quotation-${a}`} onClick={() => run(simple[a])}>
                  {t(`quotations.action.${a}`)}
                </Button>
              ) : a === 'reject' || a === 'decline' ? (
                <Button key={a} danger data-testid={`quotation-${a}`} onClick={() => setAsking(a)}>
                  {t(`quotations.action.${a}`)}
                </Button>
              ) : a === 'revise' ? (
                <Button key={a} data-testid="quotation-revise" onClick={() => setRevising(true)}>
                  {t('quotations.action.revise')}
                </Button>
              ) : a === 'order' ? (
                <Button key={a} type="primary" data-testid="quotation-order" onClick={makeOrder}>
                  {t('quotations.action.order')}
                </Button>
              ) : null,
            )}
            {q.actions.includes('order') && (
              <Button data-testid="quotation-contract" onClick={draftContract}>
                {t('contracts.action.draft')}
              </Button>
            )}
            <Button href={quotationsApi.documentUrl(q.id, 'pdf', lang)} data-testid="quotation-pdf">
              {t('quotations.downloadPdf')}
            </Button>
            <Button href={quotationsApi.documentUrl(q.id, 'xlsx', lang)}>{t('quotations.downloadXlsx')}</Button>
            {q.export && (
              <>
                <Button href={quotationsApi.proformaUrl(q.id, 'pdf')} data-testid="quotation-proforma">
                  {t('quotations.proformaPdf')}
                </Button>
                <Button href={quotationsApi.proformaUrl(q.id, 'xlsx')}>{t('quotations.proformaXlsx')}</Button>
              </>
            )}
          </Space>
        }
      />
      {(q.status === 'draft' || q.status === 'in_review') && (
        <Alert
          style={{ marginBottom: 12 }}
          type={q.approvalReasons.length ? 'warning' : 'success'}
          title={q.approvalReasons.length ? t('quotations.approvalNeeded', { reasons }) : t('quotations.withinLimits')}
          data-testid="quotation-approval"
        />
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('order.status')}>
            <QuotationStatus status={q.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('quotations.version')}>{q.version}</Descriptions.Item>
          <Descriptions.Item label={t('quotations.customer')}>{q.customer.name}</Descriptions.Item>
          <Descriptions.Item label={t('quotations.validUntil')}>{q.validUntil}</Descriptions.Item>
          <Descriptions.Item label={t('quotations.deliveryDate')}>{q.expectedDeliveryDate ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('quotations.paymentMethod')}>
            {q.paymentMethod ? t(`enums.paymentMethod.${q.paymentMethod}`) : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('quotations.packingTerms')}>{q.packingTerms}</Descriptions.Item>
          {q.currency !== 'CNY' && (
            <Descriptions.Item label={t('quotations.currency')}>
              <span data-testid="quotation-currency">
                {q.currency} · {t('quotations.rate')} {q.exchangeRate} · {t('quotations.rmbTotal')} {yuan(q.rmbTotal)}
              </span>
            </Descriptions.Item>
          )}
          {q.export && (
            <Descriptions.Item label={t('quotations.tradeTerms')}>
              {[
                q.tradeTerm,
                [q.portOfLoading, q.portOfDestination].filter(Boolean).join(' → '),
                q.containerType ? `${q.containerType} × ${q.containerCount ?? 0}` : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('quotations.remarks')}>{q.remarks}</Descriptions.Item>
          <Descriptions.Item label={t('quotations.createdBy')}>{q.createdBy.name}</Descriptions.Item>
          {q.inquiry && <Descriptions.Item label={t('quotations.inquiry')}>{q.inquiry.number}</Descriptions.Item>}
          {q.order && (
            <Descriptions.Item label={t('quotations.order')}>
              <Link to={`/orders/${q.order.id}`}>{q.order.number}</Link>
            </Descriptions.Item>
          )}
          {q.reviewNote && <Descriptions.Item label={t('quotations.reviewNote')}>{q.reviewNote}</Descriptions.Item>}
          {q.declineReason && (
            <Descriptions.Item label={t('quotations.declineReason')}>{q.declineReason}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {q.lines.some((l) => !l.productId) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="quotation-unmatched"
          message={t('quotations.unmatchedLines', {
            lines: q.lines
              .filter((l) => !l.productId)
              .map((l) => `${l.lineNo}. ${l.name}`)
              .join('；'),
          })}
        />
      )}
      <Table<QuotationLine>
        rowKey="lineNo"
        size="small"
        pagination={false}
        dataSource={q.lines}
        data-testid="quotation-lines"
        columns={[
          { title: 'SKU', dataIndex: 'sku' },
          { title: t('quotations.product'), dataIndex: 'name' },
          { title: t('quotations.qty'), dataIndex: 'qty', align: 'right' },
          { title: t('quotations.listPrice'), dataIndex: 'listPrice', align: 'right', render: yuan },
          { title: t('quotations.unitPrice'), dataIndex: 'unitPrice', align: 'right', render: price },
          {
            title: t('quotations.priceSourceTitle'),
            dataIndex: 'priceSource',
            render: (s: QuotationLine['priceSource']) => (
              <Tag color={SOURCE_COLOR[s]} data-testid="line-price-source">
                {t(`quotations.priceSource.${s}`)}
              </Tag>
            ),
          },
          { title: t('quotations.amount'), dataIndex: 'amount', align: 'right', render: price },
          { title: t('quotations.standardCost'), dataIndex: 'standardCost', align: 'right', render: yuan },
          { title: t('quotations.extraCost'), dataIndex: 'extraCost', align: 'right', render: yuan },
          { title: t('quotations.cost'), dataIndex: 'cost', align: 'right', render: yuan },
          { title: t('quotations.margin'), dataIndex: 'margin', align: 'right', render: yuan },
          { title: t('quotations.remark'), dataIndex: 'remark' },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={6}>
              {t('quotations.total')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} align="right">
              <span data-testid="quotation-total">{price(q.total)}</span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={7} colSpan={2} align="right">
              {t('quotations.extraCostTotal')} {yuan(q.extraCostTotal)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={9} align="right">
              {yuan(q.costTotal)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={10} align="right">
              <span data-testid="quotation-margin">{yuan(q.margin)}</span>
              {q.marginPercent !== null && ` (${q.marginPercent}%)`}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={11} />
          </Table.Summary.Row>
        )}
      />
      <Card size="small" title={t('quotations.versions')} style={{ marginTop: 12 }}>
        <QuotationVersions id={q.id} version={q.version} />
      </Card>
      <ReasonDialog
        open={!!asking}
        title={asking ? t(`quotations.action.${asking}`) : ''}
        reason="required"
        danger
        onCancel={() => setAsking(undefined)}
        onOk={async (reason) => {
          await run(() =>
            asking === 'reject' ? quotationsApi.review(q.id, 'reject', reason) : quotationsApi.decline(q.id, reason!),
          );
          setAsking(undefined);
        }}
      />
      <FormModal<QuotationFormValues>
        open={revising}
        title={`${t('quotations.action.revise')} · ${q.number}`}
        initial={{
          validUntil: q.validUntil,
          expectedDeliveryDate: q.expectedDeliveryDate ?? undefined,
          paymentMethod: q.paymentMethod ?? undefined,
          packingTerms: q.packingTerms,
          remarks: q.remarks,
          lines: q.lines.map((l) =>
            l.productId
              ? { productId: l.productId, qty: l.qty, unitPrice: l.unitPrice, remark: l.remark }
              : { description: l.name, spec: l.spec, unit: l.unit, qty: l.qty, remark: l.remark },
          ),
          extraCosts: q.extraCosts,
        }}
        onClose={() => setRevising(false)}
        onSubmit={async (v) => {
          const { expectedDeliveryDate, paymentMethod, ...rest } = quotationBody(v);
          setQ(
            await quotationsApi.revise(q.id, {
              ...rest,
              expectedDeliveryDate: expectedDeliveryDate ?? null,
              paymentMethod: paymentMethod ?? null,
              note: v.note ?? '',
            }),
          );
        }}
        onSaved={() => setRevising(false)}
        testId="quotation-revise-form"
      >
        {() => <QuotationFields revising />}
      </FormModal>
    </>
  );
}
