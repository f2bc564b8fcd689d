import { Col, Row, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MonthlyReport } from '../../api/reports';
import { BarChartCard, PieChartCard } from './charts';
import { fenText, rateText } from './figures';

const yuanText = (v: number) => fenText(Math.round(v * 100));
const yuanAxis = (v: number) => yuanText(v).replace(/\.00$/, '');
const TOP = 10;

/** The overview's charts: sales by region and product, complaint and return reasons, aging, time per step. */
export function ReportCharts({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  // Amounts are drawn in yuan (the axis reads ¥12,000); the tooltip gives the exact ¥12,000.50.
  const sales = (rows: MonthlyReport['sales']['byRegion']) =>
    rows.slice(0, TOP).map((r) => ({ name: r.name, value: r.amountFen / 100 }));
  const stage = (s: string) => t(`reports.stage.${s}`, { defaultValue: s });
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <Col xs={24} lg={12}>
        <BarChartCard
          title={t('reports.charts.salesByRegion')}
          testId="chart-region"
          data={sales(report.sales.byRegion)}
          format={yuanText}
          axisFormat={yuanAxis}
        />
      </Col>
      <Col xs={24} lg={12}>
        <BarChartCard
          title={t('reports.charts.salesByProduct')}
          testId="chart-product"
          data={sales(report.sales.byProduct)}
          format={yuanText}
          axisFormat={yuanAxis}
        />
      </Col>
      <Col xs={24} lg={12}>
        <PieChartCard
          title={t('reports.charts.complaintReasons')}
          testId="chart-complaints"
          data={report.complaintReasons.map((r) => ({
            name: t(`feedback.complaintType.${r.reason}`, { defaultValue: r.reason }),
            value: r.count,
          }))}
        />
      </Col>
      <Col xs={24} lg={12}>
        <PieChartCard
          title={t('reports.charts.returnReasons')}
          testId="chart-returns"
          data={report.returnReasons.map((r) => ({
            name: t(`returns.reasons.${r.reason}`, { defaultValue: r.reason }),
            value: r.count,
          }))}
        />
      </Col>
      <Col xs={24} lg={12}>
        <BarChartCard
          title={t('reports.charts.aging')}
          testId="chart-aging"
          data={report.agingBuckets.map((b) => ({ name: t(`reports.bucket.${b.bucket}`), value: b.amountFen / 100 }))}
          format={yuanText}
          axisFormat={yuanAxis}
        />
      </Col>
      <Col xs={24} lg={12}>
        <BarChartCard
          title={t('reports.charts.stageCycles')}
          testId="chart-stages"
          data={report.stageCycles.map((s) => ({ name: stage(s.stage), value: s.avgHours ?? 0 }))}
          format={(v) => t('reports.hours', { value: v.toFixed(1) })}
        />
        <Table
          size="small"
          style={{ marginTop: 8 }}
          rowKey="stage"
          pagination={false}
          dataSource={report.stageCycles}
          data-testid="stage-table"
          columns={[
            { title: t('reports.col.name'), dataIndex: 'stage', render: stage },
            {
              title: t('reports.charts.hours'),
              dataIndex: 'avgHours',
              align: 'right',
              render: (v: number | null) => (v === null ? t('reports.noValue') : v.toFixed(1)),
            },
            { title: t('reports.stageCount'), dataIndex: 'count', align: 'right' },
            {
              title: t('reports.stageOnTime'),
              dataIndex: 'onTimeRate',
              align: 'right',
              // The rate with its parts: stages decided in time / stages with a time limit.
              render: (v: number | null, r) =>
                r.timed
                  ? `${rateText(v)} (${t('reports.ratio', { numerator: r.onTime, denominator: r.timed })})`
                  : rateText(v),
            },
          ]}
        />
      </Col>
    </Row>
  );
}
