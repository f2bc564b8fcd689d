import { Card, Col, Row, Statistic, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Figure } from '../../api/reports';
import { figureOrdersPath, figureParts, figureText } from './figures';

/** One headline figure with its definition written under it; a figure with orders behind it opens them. */
export function FigureCard({ month, figure }: { month: string; figure: Figure }) {
  const { t } = useTranslation();
  const ratio = figureParts(t, figure);
  const card = (
    <Card
      size="small"
      hoverable={figure.drill}
      style={{ height: '100%' }}
      // A long name (Average processing cycle (hours)) wraps instead of being cut.
      styles={{ title: { whiteSpace: 'normal' } }}
      data-testid={`figure-${figure.key}`}
      title={t(`reports.figure.${figure.key}`)}
      extra={figure.drill ? <RightOutlined aria-label={t('reports.drillHint')} /> : undefined}
    >
      <Statistic value={figureText(t, figure)} data-testid="figure-value" />
      {ratio && (
        <Typography.Text type="secondary" data-testid="figure-parts">
          {ratio}
        </Typography.Text>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }} data-testid="definition">
        {t(`reports.definition.${figure.key}`)}
      </Typography.Paragraph>
    </Card>
  );
  return figure.drill ? (
    <Link
      to={figureOrdersPath(month, figure.key)}
      title={t('reports.drillHint')}
      style={{ display: 'block', height: '100%' }}
      data-testid={`drill-${figure.key}`}
    >
      {card}
    </Link>
  ) : (
    card
  );
}

export function FigureCards({ month, figures }: { month: string; figures: Figure[] }) {
  return (
    <Row gutter={[16, 16]} data-testid="figures">
      {figures.map((f) => (
        <Col key={f.key} xs={24} sm={12} lg={8} xl={6}>
          <FigureCard month={month} figure={f} />
        </Col>
      ))}
    </Row>
  );
}
