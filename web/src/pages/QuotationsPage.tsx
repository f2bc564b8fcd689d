import { Button, Select, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { quotationsApi, type Quotation } from '../api/quotations';
import { FormModal } from '../components/FormModal';
import { PageHeader } from '../components/PageHeader';
import { useSession } from '../auth/session';
import { companyToday, yuan } from '../format';
import { QuotationFields, quotationBody, type QuotationFormValues } from './quotations/QuotationForm';
import { QuotationStatus } from './quotations/QuotationStatus';
import { addTexts } from '../i18n';
import * as quotationTexts from './quotations/texts';

addTexts(quotationTexts);

const STATUSES = ['draft', 'in_review', 'approved', 'sent', 'accepted', 'declined', 'expired'] as const;

/** 报价单: every quotation with its total and margin; a new one, or one answering an inquiry (询盘 page). */
export function QuotationsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const [items, setItems] = useState<Quotation[]>([]);
  const [status, setStatus] = useState<(typeof STATUSES)[number]>();
  const [creating, setCreating] = useState(false);
  const load = useCallback(async () => setItems((await quotationsApi.list({ pageSize: 100, status })).items), [status]);
  useEffect(() => void load(), [load]);

  return (
    <>
      <PageHeader
        title={t('quotations.quotations')}
        extra={
          can('sales_assistant') && (
            <Button type="primary" data-testid="quotation-new" onClick={() => setCreating(true)}>
              {t('quotations.newQuotation')}
            </Button>
          )
        }
      />
      <Select
        allowClear
        style={{ width: 180, marginBottom: 12 }}
        placeholder={t('order.status')}
        value={status}
        onChange={setStatus}
        options={STATUSES.map((s) => ({ value: s, label: t(`quotations.status.${s}`) }))}
      />
      <Table<Quotation>
        rowKey="id"
        size="middle"
        dataSource={items}
        data-testid="quotations"
        locale={{ emptyText: t('quotations.empty') }}
        columns={[
          {
            title: t('quotations.number'),
            dataIndex: 'number',
            render: (n: string, r) => <Link to={`/quotations/${r.id}`}>{n}</Link>,
          },
          { title: t('quotations.version'), dataIndex: 'version' },
          { title: t('quotations.customer'), key: 'c', render: (_: unknown, r) => r.customer.name },
          { title: t('quotations.total'), dataIndex: 'total', align: 'right', render: (v: string) => yuan(v) },
          { title: t('quotations.margin'), dataIndex: 'margin', align: 'right', render: (v: string) => yuan(v) },
          {
            title: t('quotations.marginPercent'),
            dataIndex: 'marginPercent',
            align: 'right',
            render: (v: number | null) => (v === null ? '' : `${v}%`),
          },
          { title: t('quotations.validUntil'), dataIndex: 'validUntil' },
          { title: t('order.status'), dataIndex: 'status', render: (s: string) => <QuotationStatus status={s} /> },
          {
            title: t('quotations.order'),
            key: 'o',
            render: (_: unknown, r) => r.order && <Link to={`/orders/${r.order.id}`}>{r.order.number}</Link>,
          },
        ]}
      />
      <FormModal<QuotationFormValues>
        open={creating}
        title={t('quotations.newQuotation')}
        initial={{ validUntil: companyToday(), lines: [{ productId: undefined as never, qty: 1 }], extraCosts: [] }}
        onClose={() => setCreating(false)}
        onSubmit={async (v) => {
          const q = await quotationsApi.create({ ...quotationBody(v), customerId: v.customerId! });
          navigate(`/quotations/${q.id}`);
        }}
        onSaved={() => setCreating(false)}
        testId="quotation-form"
      >
        {() => <QuotationFields />}
      </FormModal>
    </>
  );
}
