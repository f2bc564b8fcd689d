import { Card, Col, Row, Table, Tag, Typography, type TableProps } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AbcClass, KpiGroup, KpiRow, MonthlyReport, SalesRow } from '../../api/reports';
import { fenText, rateText } from './figures';

const PAGE = { pageSize: 10, hideOnSinglePage: true };
const CLASS_COLOR: Record<AbcClass, string> = { A: 'green', B: 'blue', C: 'default' };

/** A group's name: a department is a role (岗位) named in the reader's language; a blank region says so. */
export function groupName(t: TFunction, by: KpiGroup, row: { key: string; name: string }) {
  if (by === 'department') return t(`enums.role.${row.key}`, { defaultValue: row.name });
  return row.name || t('reports.noValue');
}

export function salesColumns<T extends SalesRow>(
  t: TFunction,
  by: KpiGroup,
  extra: TableProps<T>['columns'] = [],
): TableProps<T>['columns'] {
  return [
    { title: t('reports.col.name'), dataIndex: 'name', render: (_: string, r) => groupName(t, by, r) },
    ...extra,
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

type KpiRate = 'completionRate' | 'onTimeProcessingRate' | 'accuracyRate' | 'satisfaction' | 'collectionRate';

/** The KPI columns (考核): amounts as money, every rate as a percentage, each headed with its definition. */
export function kpiColumns(t: TFunction, by: KpiGroup): TableProps<KpiRow>['columns'] {
  const rate = (key: KpiRate) => ({
    title: (
      <span title={key === 'satisfaction' ? t('reports.kpi.satisfactionHint') : t(`reports.definition.${key}`)}>
        {t(`reports.col.${key}`)}
      </span>
    ),
    dataIndex: key,
    align: 'right' as const,
    render: rateText,
  });
  return [
    { title: t('reports.col.name'), dataIndex: 'name', render: (_: string, r) => groupName(t, by, r) },
    { title: t('reports.col.orderCount'), dataIndex: 'orderCount', align: 'right' },
    { title: t('reports.col.amount'), dataIndex: 'amountFen', align: 'right', render: fenText },
    rate('completionRate'),
    rate('onTimeProcessingRate'),
    rate('accuracyRate'),
    rate('satisfaction'),
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
  const groups = [
    ['bySalesperson', 'clerk'],
    ['byRegion', 'region'],
    ['byCustomer', 'customer'],
    ['byProduct', 'product'],
  ] as const;
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('reports.sales.hint')}
        </Typography.Text>
      </Col>
      {groups.map(([g, by]) => (
        <Col key={g} xs={24} lg={12}>
          <TableCard<SalesRow>
            heading={t(`reports.sales.${g}`)}
            testId={`sales-${g}`}
            rowKey="key"
            dataSource={report.sales[g]}
            columns={salesColumns(t, by)}
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
          hint={t('reports.kpi.hint')}
          testId="kpi-clerks"
          rowKey="key"
          dataSource={report.kpis.clerks}
          columns={kpiColumns(t, 'clerk')}
        />
      </Col>
      <Col span={24}>
        <TableCard<KpiRow>
          heading={t('reports.kpi.departments')}
          testId="kpi-departments"
          rowKey="key"
          dataSource={report.kpis.departments}
          columns={kpiColumns(t, 'department')}
        />
      </Col>
    </Row>
  );
}

type Abc = MonthlyReport['customers']['abc'][number];
type FallingOff = MonthlyReport['customers']['fallingOff'][number];
type RegionRow = MonthlyReport['customers']['byRegion'][number];

/** 客户: where customers are, their ABC classes by amount and frequency, and those buying less. */
export function CustomerTables({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const abcTag = (c: AbcClass) => <Tag color={CLASS_COLOR[c]}>{c}</Tag>;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <TableCard<RegionRow>
          heading={t('reports.customers.byRegion')}
          testId="customers-region"
          rowKey="key"
          dataSource={report.customers.byRegion}
          columns={salesColumns<RegionRow>(t, 'region', [
            { title: t('reports.col.customerCount'), dataIndex: 'customerCount', align: 'right' },
          ])}
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
