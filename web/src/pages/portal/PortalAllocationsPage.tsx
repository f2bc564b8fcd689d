import { useEffect, useState } from 'react';
import { Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { dateTime, yuan } from '../../format';
import { portalApi, type PortalAllocations } from '../../api/portal';

/** 加盟商: what allocation runs gave me and why, my held reservations with the days left, my funds and credit. */
export function PortalAllocationsPage() {
  const { t } = useTranslation();
  const [data, setData] = useState<PortalAllocations>();
  useEffect(() => void portalApi.allocations().then(setData), []);
  if (!data) return <Spin />;
  if (!data.franchisee) return <Empty description={t('portal.allocations.notFranchisee')} />;
  return (
    <>
      <PageHeader title={t('portal.tab.allocations')} />
      {data.money && (
        <Card size="small" title={t('portal.allocations.money')}>
          <Typography.Paragraph>
            {t('portal.allocations.funds')} {yuan(data.money.funds)} · {t('portal.allocations.credit')}{' '}
            {yuan(data.money.credit)}
          </Typography.Paragraph>
          {data.money.ledger.map((l) => (
            <Flex key={l.id} justify="space-between" gap={8} wrap>
              <span>
                {dateTime(l.at)} {t(`portal.ledgerKind.${l.kind}`)}
              </span>
              <span>
                {yuan(l.fundsDelta)} / {yuan(l.creditDelta)}
              </span>
            </Flex>
          ))}
        </Card>
      )}
      <Card size="small" title={t('portal.allocations.reservations')} style={{ marginTop: 12 }}>
        {data.reservations.map((r) => (
          <Flex key={r.id} justify="space-between" gap={8} wrap>
            <span>
              {r.orderNumber} {r.name} × {r.qty}
            </span>
            {r.daysLeft !== null && <Tag color="orange">{t('portal.allocations.daysLeft', { days: r.daysLeft })}</Tag>}
          </Flex>
        ))}
      </Card>
      <Card size="small" title={t('portal.allocations.rows')} style={{ marginTop: 12 }}>
        {data.allocations.map((a, i) => (
          <Typography.Paragraph key={`${a.runId}-${i}`}>
            <Tag>{a.rule}</Tag> {a.explanation}
          </Typography.Paragraph>
        ))}
      </Card>
    </>
  );
}
