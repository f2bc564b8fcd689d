import { useEffect, useState } from 'react';
import { App, DatePicker, Flex, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { KPI_GROUPS, reportsApi, type KpiGroup, type KpiReport, type KpiRow } from '../../api/reports';
import { kpiColumns } from './ReportTables';

/** KPIs over any period, grouped by clerk, department, region, customer or product (考核 KPI 查询). */
export function KpiTab({ month }: { month: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [range, setRange] = useState<[string, string]>(() => monthRange(month));
  const [groupBy, setGroupBy] = useState<KpiGroup>('clerk');
  const [data, setData] = useState<KpiReport>();
  const [loading, setLoading] = useState(false);
  useEffect(() => setRange(monthRange(month)), [month]);
  useEffect(() => {
    let live = true;
    setLoading(true);
    reportsApi
      .kpis({ from: range[0], to: range[1], groupBy })
      .then((r) => live && setData(r))
      .catch((e: Error) => message.error(e.message))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [range, groupBy, message]);

  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Text>{t('reports.kpi.range')}</Typography.Text>
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(range[0]), dayjs(range[1])]}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])}
          data-testid="kpi-range"
        />
        <Typography.Text>{t('reports.kpi.groupBy')}</Typography.Text>
        <Select<KpiGroup>
          value={groupBy}
          onChange={setGroupBy}
          style={{ minWidth: 120 }}
          options={KPI_GROUPS.map((g) => ({ value: g, label: t(`reports.kpi.group.${g}`) }))}
          data-testid="kpi-group"
        />
      </Flex>
      <Table<KpiRow>
        size="small"
        rowKey="key"
        loading={loading}
        dataSource={data?.rows ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="kpi-table"
        columns={kpiColumns(t, data?.groupBy ?? groupBy)}
      />
    </>
  );
}

/** The first and last day of a month (YYYY-MM). */
function monthRange(month: string): [string, string] {
  const m = dayjs(`${month}-01`);
  return [m.format('YYYY-MM-DD'), m.endOf('month').format('YYYY-MM-DD')];
}
