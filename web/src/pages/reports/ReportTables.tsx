import { Card, Col, Row, Table, Tag, Typography, type TableProps } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AbcClass, KpiRow, MonthlyReport, SalesRow } from '../../api/reports';
import { fenText, rateText } from './figures';

const PAGE = { pageSize: 10, hideOnSinglePage: true };
const CLASS_COLOR: Record<AbcClass, string> = { A: 'green', B: 'blue', C: 'default' };

export function salesColumns(t: TFunction): TableProps<SalesRow>['columns'] {
  return [
    { title: t('reports.col.name'), dataIndex: 'name' },
    {
      title: t('reports.col.orderCount'),
      dataIndex: 'orderCount',
      align: 'right',
      sorter: (a, b) => a.orderCount - b.orderCount,
    },
    {
      title: t('reports.col.amount'),
      dataIndex: 'amountFen',
      align: 'right',
      render: fenText,
      sorter: (a, b) => a.amountFen - b.amountFen,
      defaultSortOrder: 'descend',
    },
  ];
}

/** The KPI columns (考核): each rate as a percentage, satisfaction as the 1–5 average. */
export function kpiColumns<T extends KpiRow>(
  t: TFunction,
  extra: TableProps<T>['columns'] = [],
): TableProps<T>['columns'] {
  const rate = (key: keyof KpiRow & string) => ({
    title: t(`reports.col.${key}`),
    dataIndex: key,
    align: 'right' as const,
    render: rateText,
  });
  return [
    { title: t('reports.col.name'), dataIndex: 'name' },
    { title: t('reports.col.orderCount'), dataIndex: 'orderCount', align: 'right' },
    ...extra,
    rate('onTimeProcessingRate'),
    rate('accuracyRate'),
    {
      title: <span title={t('reports.kpi.satisfactionHint')}>{t('reports.col.satisfaction')}</span>,
      dataIndex: 'satisfaction',
      align: 'right',
      render: (v: number | null) => (v === null ? t('reports.noValue') : v.toFixed(1)),
    },
    rate('collectionRate'),
  ];
}

function TableCard<T extends object>(props: { heading: string; hint?: string; testId: string } & TableProps<T>) {
  const { heading, hint, testId, ...table } = props;
  return (
    <Card size="small" title={heading} data-testid={testId}>
      {hint && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Paragraph>
      )}
      <Table<T> size="small" pagination={PAGE} scroll={{ x: 'max-content' }} {...table} />
    </Card>
  );
}

/** 销售: the month's sales by salesperson, region, customer and product. */
export function SalesTables({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const groups = ['bySalesperson', 'byRegion', 'byCustomer', 'byProduct'] as const;
  return (
    <Row gutter={[16, 16]}>
      {groups.map((g) => (
        <Col key={g} xs={24} lg={12}>
          <TableCard<SalesRow>
            heading={t(`reports.sales.${g}`)}
            testId={`sales-${g}`}
            rowKey="key"
            dataSource={report.sales[g]}
            columns={salesColumns(t)}
          />
        </Col>
      ))}
    </Row>
  );
}

/** 考核: order clerks and departments on the KPIs. */
export function KpiTables({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <TableCard<KpiRow>
          heading={t('reports.kpi.clerks')}
          testId="kpi-clerks"
          rowKey="key"
          dataSource={report.kpis.clerks}
          columns={kpiColumns(t)}
        />
      </Col>
      <Col span={24}>
        <TableCard<KpiRow>
          heading={t('reports.kpi.departments')}
          testId="kpi-departments"
          rowKey="key"
          dataSource={report.kpis.departments}
          columns={kpiColumns(t)}
        />
      </Col>
    </Row>
  );
}

type Abc = MonthlyReport['customers']['abc'][number];
type FallingOff = MonthlyReport['customers']['fallingOff'][number];

/** 客户: where customers are, their ABC classes by amount and frequency, and those buying less. */
export function CustomerTables({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const abcTag = (c: AbcClass) => <Tag color={CLASS_COLOR[c]}>{c}</Tag>;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <TableCard<SalesRow>
          heading={t('reports.customers.byRegion')}
          testId="customers-region"
          rowKey="key"
          dataSource={report.customers.byRegion}
          columns={salesColumns(t)}
        />
      </Col>
      <Col xs={24} lg={12}>
        <TableCard<FallingOff>
          heading={t('reports.customers.fallingOff')}
          hint={t('reports.customers.fallingOffHint')}
          testId="customers-falling"
          rowKey="customerId"
          dataSource={report.customers.fallingOff}
          columns={[
            { title: t('reports.col.customer'), dataIndex: 'name' },
            { title: t('reports.col.monthAmount'), dataIndex: 'monthAmountFen', align: 'right', render: fenText },
            { title: t('reports.col.previousAvg'), dataIndex: 'previousAvgFen', align: 'right', render: fenText },
            { title: t('reports.col.dropRate'), dataIndex: 'dropRate', align: 'right', render: rateText },
          ]}
        />
      </Col>
      <Col span={24}>
        <TableCard<Abc>
          heading={t('reports.customers.abc')}
          hint={t('reports.customers.abcHint')}
          testId="customers-abc"
          rowKey="customerId"
          dataSource={report.customers.abc}
          columns={[
            { title: t('reports.col.customer'), dataIndex: 'name' },
            { title: t('reports.col.amount'), dataIndex: 'amountFen', align: 'right', render: fenText },
            { title: t('reports.col.orderCount'), dataIndex: 'orderCount', align: 'right' },
            { title: t('reports.col.amountClass'), dataIndex: 'amountClass', render: abcTag },
            { title: t('reports.col.frequencyClass'), dataIndex: 'frequencyClass', render: abcTag },
          ]}
        />
      </Col>
    </Row>
  );
}
