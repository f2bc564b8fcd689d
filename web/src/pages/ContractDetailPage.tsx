import { App, Button, Card, Col, Descriptions, Row, Space, Statistic, Table, Timeline } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { contractsApi, type Contract, type ContractLine } from '../api/contracts';
import { PageHeader } from '../components/PageHeader';
import { ReasonDialog } from '../components/ReasonDialog';
import { dateTime, yuan } from '../format';
import { ContractCallOff } from './contracts/ContractCallOff';
import { ContractDraftEdit } from './contracts/ContractDraftEdit';
import { ContractSign } from './contracts/ContractSign';
import { ContractStatus } from './contracts/ContractStatus';
import { addTexts } from '../i18n';
import * as contractTexts from './contracts/texts';

addTexts(contractTexts);

/** 销售合同: lines and what is left of them, clauses, review stages, signatures, performance; actions from the server. */
export function ContractDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [k, setK] = useState<Contract>();
  const [dialog, setDialog] = useState<'reject' | 'sign' | 'order' | 'close' | 'edit'>();
  const load = useCallback(async () => setK(await contractsApi.get(id)), [id]);
  useEffect(() => void load(), [load]);
  if (!k) return null;

  const run = async (fn: () => Promise<Contract>) => {
    try {
      setK(await fn());
      message.success(t('common.saved'));
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  // An electronic signature is the customer's portal login: named as such, never shown as its id.
  const customerSigner = (by: string) => (by.startsWith('portal:') ? t('contracts.portalSigned') : by);
  const review: Record<string, () => Promise<Contract>> = {
    submit: () => contractsApi.review(k.id, 'submit'),
    pass: () => contractsApi.review(k.id, 'approve'),
    approve: () => contractsApi.review(k.id, 'approve'),
  };
  const button = (a: string) =>
    a in review ? (
      <Button key={a} type="primary" data-testid={`contract-${a}`} onClick={() => run(review[a])}>
        {t(`contracts.action.${a}`)}
      </Button>
    ) : a === 'reject' || a === 'sign' || a === 'order' || a === 'close' ? (
      <Button
        key={a}
        danger={a === 'reject' || a === 'close'}
        data-testid={`contract-${a}`}
        onClick={() => setDialog(a)}
      >
        {t(`contracts.action.${a}`)}
      </Button>
    ) : null;

  return (
    <>
      <PageHeader
        title={`${t('contracts.contract')} ${k.number}`}
        extra={
          <Space wrap data-testid="contract-actions">
            {k.status === 'draft' && k.actions.includes('submit') && (
              <Button data-testid="contract-edit" onClick={() => setDialog('edit')}>
                {t('contracts.action.edit')}
              </Button>
            )}
            {k.actions.map(button)}
            <Button href={contractsApi.documentUrl(k.id)} data-testid="contract-pdf">
              {t('contracts.downloadPdf')}
            </Button>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('order.status')}>
            <ContractStatus status={k.status} />
            {k.stage && ` ${t(`contracts.stage.${k.stage}`)} · ${t('contracts.dueAt')} ${dateTime(k.stageDueAt)}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('contracts.customer')}>{k.customer.name}</Descriptions.Item>
          <Descriptions.Item label={t('contracts.customerPo')}>{k.customerPo}</Descriptions.Item>
          <Descriptions.Item label={t('contracts.total')}>{yuan(k.total)}</Descriptions.Item>
          <Descriptions.Item label={t('contracts.deliveryDate')}>{k.expectedDeliveryDate ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('contracts.paymentMethod')}>
            {k.paymentMethod ? t(`enums.paymentMethod.${k.paymentMethod}`) : ''}
          </Descriptions.Item>
          {k.quotation && (
            <Descriptions.Item label={t('contracts.quotation')}>
              <Link to={`/quotations/${k.quotation.id}`}>{k.quotation.number}</Link>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('contracts.interestRate')}>
            {k.overdueInterestBp === null
              ? t('contracts.interestOfCustomer')
              : t('contracts.interestPerDay', { rate: (k.overdueInterestBp / 100).toFixed(2) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('contracts.remarks')}>{k.remarks}</Descriptions.Item>
          {k.closeReason && (
            <Descriptions.Item label={t('contracts.closeReason')}>
              <span data-testid="contract-close-reason">{k.closeReason}</span>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Row gutter={12} style={{ marginBottom: 12 }} data-testid="contract-performance">
        {(['ordered', 'shipped', 'paid'] as const).map((f) => (
          <Col key={f} xs={8}>
            <Card size="small">
              <Statistic title={t(`contracts.${f}`)} value={yuan(k.performance[f])} />
            </Card>
          </Col>
        ))}
      </Row>
      <Table<ContractLine>
        rowKey="lineNo"
        size="small"
        pagination={false}
        dataSource={k.lines}
        data-testid="contract-lines"
        columns={[
          { title: 'SKU', dataIndex: 'sku' },
          { title: t('contracts.product'), dataIndex: 'name' },
          { title: t('contracts.spec'), dataIndex: 'spec' },
          { title: t('contracts.unitPrice'), dataIndex: 'unitPrice', align: 'right', render: yuan },
          { title: t('contracts.qty'), dataIndex: 'qty', align: 'right' },
          { title: t('contracts.amount'), dataIndex: 'amount', align: 'right', render: yuan },
          { title: t('contracts.calledQty'), dataIndex: 'calledQty', align: 'right' },
          { title: t('contracts.remainingQty'), dataIndex: 'remainingQty', align: 'right' },
        ]}
      />
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col xs={24} md={14}>
          <Card size="small" title={t('contracts.clauses')}>
            {k.clauses.map((c, i) =>
              // In English, the clause's English text where the template had one.
              english && c.bodyEn ? (
                <p key={c.code}>
                  <b>
                    {i + 1}. {c.titleEn ?? c.title}
                  </b>
                  : {c.bodyEn}
                </p>
              ) : (
                <p key={c.code}>
                  <b>
                    {i + 1}. {c.title}
                  </b>
                  ：{c.body}
                </p>
              ),
            )}
          </Card>
        </Col>
        <Col xs={24} md={10}>
          <Card size="small" title={t('contracts.stages')} data-testid="contract-stages">
            <Timeline
              items={k.reviews.map((r) => ({
                color: r.decision === 'reject' ? 'red' : r.decision ? 'green' : 'blue',
                content: (
                  <>
                    {t(`contracts.stage.${r.stage}`)} · {r.decision ? t(`contracts.decision.${r.decision}`) : ''}{' '}
                    {r.decidedBy?.name} {dateTime(r.decidedAt ?? r.startedAt)}
                    {!r.decision && ` · ${t('contracts.dueAt')} ${dateTime(r.dueAt)}`}
                    {r.reason && <div>{`${t('contracts.reason')}：${r.reason}`}</div>}
                  </>
                ),
              }))}
            />
          </Card>
          <Card size="small" title={t('contracts.signatures')} style={{ marginTop: 12 }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('contracts.seller')}>
                {k.signature.company && `${k.signature.company.by} ${dateTime(k.signature.company.at)}`}
              </Descriptions.Item>
              <Descriptions.Item label={t('contracts.buyer')}>
                {k.signature.customer &&
                  `${customerSigner(k.signature.customer.by)} ${dateTime(k.signature.customer.at)}`}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t('contracts.orders')} style={{ marginTop: 12 }}>
            {k.performance.orders.map((o) => (
              <div key={o.id}>
                <Link to={`/orders/${o.id}`}>{o.number}</Link> {yuan(o.ordered)}
              </div>
            ))}
          </Card>
        </Col>
      </Row>
      <ReasonDialog
        open={dialog === 'reject'}
        title={t('contracts.action.reject')}
        reason="required"
        danger
        onCancel={() => setDialog(undefined)}
        onOk={async (reason) => {
          await run(() => contractsApi.review(k.id, 'reject', reason));
          setDialog(undefined);
        }}
      />
      <ReasonDialog
        open={dialog === 'close'}
        title={t('contracts.action.close')}
        content={t('contracts.closeConfirm')}
        reason="required"
        label={t('contracts.closeReason')}
        danger
        okTestId="contract-close-ok"
        inputTestId="contract-close-reason-input"
        onCancel={() => setDialog(undefined)}
        onOk={async (reason) => {
          await run(() => contractsApi.close(k.id, reason ?? ''));
          setDialog(undefined);
        }}
      />
      <ContractSign contract={k} open={dialog === 'sign'} onClose={() => setDialog(undefined)} onDone={setK} />
      <ContractDraftEdit contract={k} open={dialog === 'edit'} onClose={() => setDialog(undefined)} onDone={setK} />
      <ContractCallOff
        contract={k}
        open={dialog === 'order'}
        onClose={() => setDialog(undefined)}
        onDone={(r) => {
          setK(r.contract);
          message.success(t('contracts.orderCreated', { number: r.order.number }));
          navigate(`/orders/${r.order.id}`);
        }}
      />
    </>
  );
}
