import { useEffect, useState } from 'react';
import { Button, Card, Flex, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { yuan } from '../../format';
import { portalApi, type PortalMoney } from '../../api/portal';

/** What I owe, my monthly statements and my payments, each downloadable. */
export function PortalMoneyPage() {
  const { t } = useTranslation();
  const [money, setMoney] = useState<PortalMoney>();
  useEffect(() => void portalApi.money().then(setMoney), []);
  if (!money) return <Spin />;
  const row = (k: string, left: React.ReactNode, right: React.ReactNode) => (
    <Flex key={k} justify="space-between" gap={8} wrap style={{ padding: '4px 0' }}>
      <span>{left}</span>
      <span>{right}</span>
    </Flex>
  );
  return (
    <>
      <PageHeader
        title={t('portal.tab.money')}
        extra={<Button href={portalApi.moneyExportUrl()}>{t('portal.money.download')}</Button>}
      />
      <Card size="small" title={t('portal.money.receivables')} data-testid="portal-receivables">
        {money.receivables.length === 0 && <Typography.Text type="secondary">{t('portal.money.none')}</Typography.Text>}
        {money.receivables.map((r) =>
          row(
            r.id,
            <>
              {r.kindLabel} {r.orderNumber} {r.overdue && <Tag color="red">{t('portal.money.overdue')}</Tag>}
            </>,
            <>
              {yuan(r.amount)} · {t('portal.money.due', { date: r.dueDate })}
            </>,
          ),
        )}
      </Card>
      <Card size="small" title={t('portal.money.statements')} style={{ marginTop: 12 }}>
        {money.statements.length === 0 && <Typography.Text type="secondary">{t('portal.money.none')}</Typography.Text>}
        {money.statements.map((s) =>
          row(
            s.id,
            <>
              {s.period} · {yuan(s.amount)}
            </>,
            <>
              <a href={portalApi.statementUrl(s.id, 'html')} target="_blank" rel="noreferrer">
                {t('portal.money.print')}
              </a>{' '}
              <a href={portalApi.statementUrl(s.id, 'xlsx')}>Excel</a>
            </>,
          ),
        )}
      </Card>
      <Card size="small" title={t('portal.money.payments')} style={{ marginTop: 12 }}>
        {money.payments.length === 0 && <Typography.Text type="secondary">{t('portal.money.none')}</Typography.Text>}
        {money.payments.map((p) => row(p.id, `${p.receivedOn} ${p.reference}`, yuan(p.amount)))}
      </Card>
    </>
  );
}
