// The report's charts. Only the ECharts parts drawn here are registered (bar, pie, grid, tooltip, legend, canvas),
// so the chart script stays small and is fetched with the report page alone.
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { Card, Empty } from 'antd';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<
  BarSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;
export type Datum = { name: string; value: number };
type ChartProps = {
  title: string;
  data: Datum[];
  testId: string;
  /** How a value reads in the tooltip and on the axis (money, hours). */
  format?: (v: number) => string;
  /** How a value reads on the axis, when shorter than in the tooltip (¥12,000 for ¥12,000.00). */
  axisFormat?: (v: number) => string;
  height?: number;
};

function ChartCard({ title, testId, option, empty, height = 280 }: ChartProps & { option: Option; empty: boolean }) {
  return (
    <Card size="small" title={title} data-testid={testId}>
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} style={{ height: height - 40 }} />
      ) : (
        <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height }} />
      )}
    </Card>
  );
}

/** Horizontal bars, largest first at the top: names of regions or products stay readable. */
export function BarChartCard(props: ChartProps) {
  const format = props.format ?? String;
  const data = [...props.data].reverse();
  const option: Option = {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => format(Number(v)) },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => (props.axisFormat ?? format)(v) } },
    yAxis: { type: 'category', data: data.map((d) => d.name), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [{ type: 'bar', data: data.map((d) => d.value), itemStyle: { color: '#1f6feb' }, barMaxWidth: 24 }],
  };
  // Nothing to draw (no overdue money, no stage finished): an empty state rather than an axis of zeros.
  return <ChartCard {...props} option={option} empty={props.data.every((d) => d.value === 0)} />;
}

/** Shares of a whole (reasons): a ring with its legend. */
export function PieChartCard(props: ChartProps) {
  const format = props.format ?? String;
  const option: Option = {
    tooltip: { trigger: 'item', valueFormatter: (v) => format(Number(v)) },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        data: props.data,
        label: { formatter: '{b}: {d}%' },
      },
    ],
  };
  return <ChartCard {...props} option={option} empty={props.data.every((d) => d.value === 0)} />;
}
