import { useEffect, useState } from 'react';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { reportsApi, type Figure, type FigureKey, type MonthlyReport } from '../../api/reports';
import { figureText, lastMonth, reportPath } from '../reports/figures';
import { addTexts } from '../../i18n';
import * as reportTexts from '../reports/texts';

addTexts(reportTexts);

const HEADLINE: FigureKey[] = ['orderCount', 'orderAmount', 'completionRate', 'collectionRate'];

/** 上月经营: the managers' four headline figures of last month's report, each opening the report. */
export function LastMonthCard() {
  const { t } = useTranslation();
  const month = lastMonth();
  const [report, setReport] = useState<MonthlyReport>();
  useEffect(() => {
    // No report (nothing to build yet, or not allowed): the card stays away rather than showing an error.
    reportsApi.monthly(month).then(setReport, () => undefined);
  }, [month]);
  if (!report) return null;
  const figures = HEADLINE.map((k) => report.figures.find((f) => f.key === k)).filter((f): f is Figure => !!f);
  return (
    <Card
      title={`${t('reports.home.title')} · ${report.month}`}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="last-month"
      extra={<Link to={reportPath(report.month)}>{t('reports.home.open')}</Link>}
    >
      <Row gutter={16}>
        {figures.map((f) => (
          <Col key={f.key} xs={12} md={6}>
            <Link to={reportPath(report.month)} data-testid={`last-month-${f.key}`}>
              <Statistic title={t(`reports.figure.${f.key}`)} value={figureText(t, f)} />
            </Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`reports.definition.${f.key}`)}
            </Typography.Text>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
