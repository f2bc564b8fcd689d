import { Tabs } from 'antd';
import { PageHeader } from '../components/PageHeader';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financeApi } from '../api/finance';
import { useSession } from '../auth/session';
import { OrderQueue } from './OrderQueue';
import { CreditRequestTable, type CreditChangeRequest } from './CustomerCredit';
import { ReceiptsTab } from './finance/ReceiptsTab';
import { AgingTab } from './finance/AgingTab';
import { ReceivablesTab } from './finance/ReceivablesTab';
import { StatementTab } from './finance/StatementTab';
import { IssuedStatementsTab } from './finance/IssuedStatementsTab';
import { InvoicesTab } from './finance/InvoicesTab';
import { LettersOfCreditTab } from './finance/LettersOfCreditTab';

/** 财务: receipts and reversals, receivables with aging, statements of account; one file per tab in finance/. */
export function FinancePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  // Recorded or reversed money changes receivables, aging and statements: every tab reads again.
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const [creditRequests, setCreditRequests] = useState<CreditChangeRequest[]>([]);
  const loadCredit = useCallback(async () => {
    setCreditRequests(await financeApi.pendingCreditChanges());
  }, []);
  useEffect(() => void loadCredit(), [loadCredit]);

  return (
    <>
      <PageHeader />
      <Tabs
        items={[
          { key: 'queue', label: t('ful.ordersAwaitingMoney'), children: <OrderQueue queue="finance" /> },
          {
            key: 'credit',
            label: `${t('credit.pendingTitle')} (${creditRequests.length})`,
            children: <CreditRequestTable requests={creditRequests} onDecided={loadCredit} showCustomer />,
          },
          {
            key: 'receipts',
            label: t('ful.receipts'),
            children: <ReceiptsTab version={version} finance={can('finance')} onChanged={changed} />,
          },
          { key: 'aging', label: t('ful.aging'), children: <AgingTab version={version} /> },
          { key: 'receivables', label: t('ful.receivables'), children: <ReceivablesTab version={version} /> },
          { key: 'statement', label: t('ful.statement'), children: <StatementTab /> },
          { key: 'statements', label: t('ful.statements'), children: <IssuedStatementsTab version={version} /> },
          { key: 'invoices', label: t('ful.invoices'), children: <InvoicesTab version={version} /> },
          { key: 'lc', label: t('ful.lcRecords'), children: <LettersOfCreditTab version={version} /> },
        ]}
      />
    </>
  );
}
