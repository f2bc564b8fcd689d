import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Empty, Select, Spin, Tabs } from 'antd';
import { FileExcelOutlined, FilePdfOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { REBUILD_ROLES, reportsApi, type MonthlyReport } from '../../api/reports';
import { useSession } from '../../auth/session';
import { ActionButton } from '../../components/ActionButton';
import { PageHeader } from '../../components/PageHeader';
import { companyToday, dateTime } from '../../format';
import { FigureCards } from './FigureCards';
import { ReportCharts } from './ReportCharts';
import { CustomerTables, KpiTables, SalesTables } from './ReportTables';
import { KpiTab } from './KpiTab';
import { currentMonth, lastMonth } from './figures';
import { addTexts } from '../../i18n';
import * as reportTexts from './texts';

addTexts(reportTexts);

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** 月度订单分析报表 (模板4): a month's figures with their definitions, charts and tables, for one company. */
export function MonthlyReportPage() {
  const { t, i18n } = useTranslation();
  const { me, can, switchCompany } = useSession();
  const [params, setParams] = useSearchParams();
  const asked = params.get('month') ?? '';
  const month = MONTH.test(asked) ? asked : lastMonth();
  const [report, setReport] = useState<MonthlyReport>();
  const [failure, setFailure] = useState<string>();
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    setFailure(undefined);
    try {
      setReport(await reportsApi.monthly(month));
    } catch (e) {
      setReport(undefined);
      setFailure(e instanceof ApiError && e.status === 404 ? undefined : (e as Error).message);
    } finally {
      setLoading(false);
    }
  }, [month]);
  useEffect(() => void load(), [load]);

  const lang = i18n.language;
  const actions = (
    <>
      {me && me.companies.length > 1 && (
        // The report is the session's company's: switching here switches the whole app, as the header does.
        <Select
          aria-label={t('reports.company')}
          value={me.company?.id}
          style={{ minWidth: 160 }}
          popupMatchSelectWidth={false}
          options={me.companies.map((c) => ({ value: c.id, label: c.name }))}
          onChange={(id) => void switchCompany(id).then(() => window.location.reload())}
          data-testid="report-company"
        />
      )}
      <DatePicker
        picker="month"
        allowClear={false}
        aria-label={t('reports.month')}
        value={dayjs(`${month}-01`)}
        disabledDate={(d) => d.isAfter(dayjs(companyToday()), 'month')}
        onChange={(d) => d && setParams({ month: d.format('YYYY-MM') })}
        data-testid="report-month"
      />
      {/* The running month is computed on every reading; a closed one is a snapshot that can be built again. */}
      {can(...REBUILD_ROLES) && month < currentMonth() && (
        <ActionButton
          icon={<ReloadOutlined />}
          run={() => reportsApi.rebuild(month)}
          success={t('reports.rebuilt')}
          onDone={(r) => setReport(r as MonthlyReport)}
          data-testid="report-rebuild"
        >
          {t('reports.rebuild')}
        </ActionButton>
      )}
      <Button icon={<FileExcelOutlined />} href={reportsApi.fileUrl(month, 'xlsx', lang)} data-testid="report-xlsx">
        {t('reports.downloadXlsx')}
      </Button>
      <Button icon={<FilePdfOutlined />} href={reportsApi.fileUrl(month, 'pdf', lang)} data-testid="report-pdf">
        {t('reports.downloadPdf')}
      </Button>
    </>
  );

  return (
    <>
      <PageHeader
        title={t('reports.title')}
        subTitle={
          <>
            {me?.company?.name} · {month}
            {report && <> · {t('reports.builtAt', { at: dateTime(report.builtAt) })}</>}
          </>
        }
        extra={actions}
      />
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      {loading && !report && <Spin style={{ display: 'block', margin: 40 }} />}
      {!loading && !report && !failure && <Empty description={t('reports.empty')} data-testid="report-empty" />}
      {report && (
        <Spin spinning={loading}>
          <Tabs
            data-testid="report-tabs"
            items={[
              {
                key: 'overview',
                label: t('reports.tabs.overview'),
                children: (
                  <>
                    <FigureCards month={report.month} figures={report.figures} />
                    <ReportCharts report={report} />
                  </>
                ),
              },
              { key: 'sales', label: t('reports.tabs.sales'), children: <SalesTables report={report} /> },
              { key: 'kpis', label: t('reports.tabs.kpis'), children: <KpiTables report={report} /> },
              { key: 'customers', label: t('reports.tabs.customers'), children: <CustomerTables report={report} /> },
              { key: 'kpiRange', label: t('reports.tabs.kpiRange'), children: <KpiTab month={month} /> },
            ]}
          />
        </Spin>
      )}
    </>
  );
}
