import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { financeApi, type IssuedStatement as Issued } from '../../api/finance';
import { useFinanceList } from './useFinanceList';
import { dateTime } from '../../format';

/** 月结对账单: the monthly statements issued, each printable. */
export function IssuedStatementsTab({ version }: { version: number }) {
  const { t } = useTranslation();
  const issued = useFinanceList(financeApi.issuedStatements, version);
  return (
    <Table<Issued>
      rowKey="id"
      size="middle"
      dataSource={issued}
      data-testid="issued-statements"
      columns={[
        { title: t('ful.period'), dataIndex: 'period' },
        { title: t('order.customer'), dataIndex: 'customerName' },
        { title: t('ful.amount'), dataIndex: 'amount', align: 'right' },
        { title: t('ful.closingBalance'), dataIndex: 'closingBalance', align: 'right' },
        { title: t('ful.due'), dataIndex: 'dueDate' },
        {
          title: t('ful.issuedAt'),
          dataIndex: 'issuedAt',
          render: (d: string) => dateTime(d),
        },
        {
          title: '',
          key: 'p',
          render: (_: unknown, r) => (
            <Button
              size="small"
              href={financeApi.statementUrl(r.customerId, { from: r.from, to: r.to }, 'html')}
              target="_blank"
            >
              {t('common.print')}
            </Button>
          ),
        },
      ]}
    />
  );
}
