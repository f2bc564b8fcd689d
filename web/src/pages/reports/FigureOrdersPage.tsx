import { Button, Empty } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { FIGURE_KEYS, reportsApi, type FigureKey, type FigureOrder } from '../../api/reports';
import { PageHeader } from '../../components/PageHeader';
import { ServerTable } from '../../components/ServerTable';
import { StatusTag } from '../../components/StatusTag';
import { dateTime } from '../../format';
import { fenText, reportPath } from './figures';
import { addTexts } from '../../i18n';
import * as reportTexts from './texts';

addTexts(reportTexts);

/** The orders behind one figure of a month's report (drill-down); each opens its order. */
export function FigureOrdersPage() {
  const { t } = useTranslation();
  const { month = '', figure = '' } = useParams();
  const known = (FIGURE_KEYS as readonly string[]).includes(figure);
  const label = known ? t(`reports.figure.${figure as FigureKey}`) : figure;
  const navigate = useNavigate();
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(reportPath(month))} data-testid="back-to-report">
      {t('reports.back')}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={t('reports.figureOrders', { figure: label, month })}
        subTitle={
          known ? (
            <>
              <span data-testid="drill-scope">{t(`reports.drillScope.${figure}`)}</span>
              <br />
              {t(`reports.definition.${figure}`)}
            </>
          ) : undefined
        }
        extra={back}
      />
      {known ? (
        <ServerTable<FigureOrder>
          url={reportsApi.figureOrdersUrl}
          filters={{ month, figure }}
          rowKey="id"
          searchable={false}
          testId="figure-orders"
          columns={[
            {
              title: t('reports.col.number'),
              dataIndex: 'number',
              render: (n: string, o) => <Link to={`/orders/${o.id}`}>{n}</Link>,
            },
            { title: t('reports.col.customer'), dataIndex: 'customerName' },
            { title: t('reports.col.amount'), dataIndex: 'amountFen', align: 'right', render: fenText },
            { title: t('reports.col.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
            { title: t('reports.col.registeredAt'), dataIndex: 'registeredAt', render: dateTime },
          ]}
        />
      ) : (
        <Empty description={t('reports.empty')} />
      )}
    </>
  );
}
