import { Button, DatePicker, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { customersApi } from '../../api/customers';
import { financeApi, type Statement } from '../../api/finance';
import type { Customer } from '../../api/types';
import { RemoteSelect } from '../../components/RemoteSelect';
import { money, yuan } from '../../format';
import { addTexts } from '../../i18n';
import * as interestTexts from './overdue-interest-texts';
import * as exportTexts from '../export-texts';

addTexts(interestTexts);
addTexts(exportTexts);

type StatementRow = Statement['lines'][number];

const basis = (l: { outstanding: string; days: number; rateBp: number }, t: TFunction) =>
  t('overdueInterest.basis', { amount: l.outstanding, days: l.days, rate: (l.rateBp / 100).toFixed(2) });

/** The interest lines (逾期利息), each with how it was counted, after the receivables and receipts. */
function interestRows(s: Statement, to: Dayjs, t: TFunction): StatementRow[] {
  return (s.interest?.lines ?? []).map((l) => ({
    date: to.format('YYYY-MM-DD'),
    kind: 'overdue_interest',
    reference: `${l.reference} ${basis(l, t)}`,
    currency: 'CNY',
    debit: l.interest,
    credit: '0.00',
    balance: '',
  }));
}

/**
 * The statement's head: opening → closing in RMB, and with a foreign currency each currency's closing in its own
 * money (a USD debt is settled in USD).
 */
function statementTitle(s: Statement, t: TFunction) {
  const foreign = (s.byCurrency ?? []).filter((c) => c.currency !== 'CNY');
  const perCurrency = foreign.length
    ? ` · ${(s.byCurrency ?? []).map((c) => `${t('cleanup.balance')} ${money(c.closing, c.currency)}`).join(' · ')}`
    : '';
  const rmb = foreign.length ? ` (${t('exportOrder.rmbTotal')})` : '';
  return (
    `${t('ful.from')} ${yuan(s.opening)} → ${t('ful.to')} ${yuan(s.closing)}${rmb}${perCurrency}` +
    (s.interest?.lines.length
      ? ` · ${t('overdueInterest.total')} ${yuan(s.interest.total)} · ` +
        `${t('overdueInterest.closingWithInterest')} ${yuan(s.closingWithInterest!)}`
      : '')
  );
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
          title={() => <span data-testid="statement-title">{statementTitle(statement.data!, t)}</span>}
          columns={[
            { title: t('stock.at'), dataIndex: 'date' },
            { title: t('stock.kind'), dataIndex: 'kind', render: (k: string) => t(`codes.statementKind.${k}`) },
            { title: t('stock.reference'), dataIndex: 'reference' },
            // Each line in its own currency; its balance runs in that currency, beside it all of them in RMB.
            { title: t('cleanup.debit'), dataIndex: 'debit', align: 'right', render: (v, l) => money(v, l.currency) },
            { title: t('cleanup.credit'), dataIndex: 'credit', align: 'right', render: (v, l) => money(v, l.currency) },
            {
              title: t('cleanup.balance'),
              dataIndex: 'balance',
              align: 'right',
              render: (v: string, l) => money(v, l.currency),
            },
            ...((statement.data.byCurrency ?? []).some((c) => c.currency !== 'CNY')
              ? [
                  {
                    title: `${t('cleanup.balance')} (${t('exportOrder.rmbTotal')})`,
                    dataIndex: 'balanceRmb',
                    align: 'right' as const,
                    render: (v?: string) => money(v),
                  },
                ]
              : []),
          ]}
        />
      )}
    </>
  );
}
