import { Button, DatePicker, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { customersApi } from '../../api/customers';
import { financeApi, type Statement } from '../../api/finance';
import type { Customer } from '../../api/types';
import { RemoteSelect } from '../../components/RemoteSelect';
import { yuan } from '../../format';
import { addTexts } from '../../i18n';
import * as interestTexts from './overdue-interest-texts';

addTexts(interestTexts);

type StatementRow = Statement['lines'][number];

const basis = (l: { outstanding: string; days: number; rateBp: number }, t: TFunction) =>
  t('overdueInterest.basis', { amount: l.outstanding, days: l.days, rate: (l.rateBp / 100).toFixed(2) });

/** The interest lines (逾期利息), each with how it was counted, after the receivables and receipts. */
function interestRows(s: Statement, to: Dayjs, t: TFunction): StatementRow[] {
  return (s.interest?.lines ?? []).map((l) => ({
    date: to.format('YYYY-MM-DD'),
    kind: 'overdue_interest',
    reference: `${l.reference} ${basis(l, t)}`,
    debit: l.interest,
    credit: '0.00',
    balance: '',
  }));
}

/** 对账单: a customer's statement of account for a period, on screen, in Excel or printable. */
export function StatementTab() {
  const { t } = useTranslation();
  const [statement, setStatement] = useState<{ customer?: string; range?: [Dayjs, Dayjs]; data?: Statement }>({});
  const range = statement.range && {
    from: statement.range[0].format('YYYY-MM-DD'),
    to: statement.range[1].format('YYYY-MM-DD'),
  };
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <RemoteSelect<Customer>
          url={customersApi.listUrl}
          label={(c) => `${c.shortCode} ${c.name}`}
          value={statement.customer}
          onChange={(v) => setStatement({ ...statement, customer: v })}
        />
        <DatePicker.RangePicker onChange={(v) => setStatement({ ...statement, range: v as [Dayjs, Dayjs] })} />
        <Button
          disabled={!statement.customer || !range}
          onClick={async () =>
            setStatement({
              ...statement,
              data: await financeApi.statement(statement.customer!, range!),
            })
          }
        >
          {t('alloc.preview')}
        </Button>
        {statement.customer && range && (
          <Button href={financeApi.statementUrl(statement.customer, range, 'xlsx')}>{t('common.export')}</Button>
        )}
        {statement.customer && range && (
          <Button href={financeApi.statementUrl(statement.customer, range, 'html')} target="_blank">
            {t('common.print')}
          </Button>
        )}
      </Space>
      {statement.data && (
        <Table<StatementRow>
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={[...statement.data.lines, ...interestRows(statement.data, statement.range![1], t)]}
          title={() =>
            `${t('ful.from')} ${yuan(statement.data!.opening)} → ${t('ful.to')} ${yuan(statement.data!.closing)}` +
            (statement.data!.interest?.lines.length
              ? ` · ${t('overdueInterest.total')} ${yuan(statement.data!.interest.total)} · ` +
                `${t('overdueInterest.closingWithInterest')} ${yuan(statement.data!.closingWithInterest!)}`
              : '')
          }
          columns={[
            { title: t('stock.at'), dataIndex: 'date' },
            { title: t('stock.kind'), dataIndex: 'kind', render: (k: string) => t(`codes.statementKind.${k}`) },
            { title: t('stock.reference'), dataIndex: 'reference' },
            { title: t('cleanup.debit'), dataIndex: 'debit', align: 'right', render: yuan },
            { title: t('cleanup.credit'), dataIndex: 'credit', align: 'right', render: yuan },
            {
              title: t('cleanup.balance'),
              dataIndex: 'balance',
              align: 'right',
              render: (v: string) => (v ? yuan(v) : ''),
            },
          ]}
        />
      )}
    </>
  );
}
