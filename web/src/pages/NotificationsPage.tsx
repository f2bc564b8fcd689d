import { Badge, Button, List } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { notificationsApi } from '../api/notifications';
import type { Notice } from '../api/types';
import { PageHeader } from '../components/PageHeader';
import dayjs from 'dayjs';
import { addTexts } from '../i18n';
import * as contractNotices from './contracts/notice-texts';

addTexts(contractNotices);

export function useNoticeText() {
  const { t } = useTranslation();
  // Parameters that are codes (a review stage, a decision) are named in the user's language too.
  return (n: Notice) =>
    t(`notice.${n.kind}`, {
      ...n.params,
      stage: n.params.stage ? t(`stage.${n.params.stage}`, { defaultValue: String(n.params.stage) }) : '',
      decision: n.params.decision
        ? t(`codes.decision.${n.params.decision}`, { defaultValue: String(n.params.decision) })
        : '',
    });
}

export function NotificationsPage() {
  const { t } = useTranslation();
  const text = useNoticeText();
  const [data, setData] = useState<{ unread: number; items: Notice[] }>({ unread: 0, items: [] });
  const load = useCallback(async () => setData(await notificationsApi.list(100)), []);
  useEffect(() => void load(), [load]);
  return (
    <>
      <PageHeader
        tags={<Badge count={data.unread} />}
        extra={
          <Button
            onClick={async () => {
              await notificationsApi.readAll();
              await load();
            }}
          >
            {t('order.markAllRead')}
          </Button>
        }
      />
      <List
        style={{ marginTop: 12 }}
        dataSource={data.items}
        data-testid="notifications"
        renderItem={(n) => (
          <List.Item extra={dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}>
            <Badge dot={!n.readAt} />
            &nbsp;
            {n.orderId ? (
              <Link to={`/orders/${n.orderId}`}>{text(n)}</Link>
            ) : n.params.contractId ? (
              <Link to={`/contracts/${String(n.params.contractId)}`}>{text(n)}</Link>
            ) : (
              text(n)
            )}
            {n.kind === 'monthly_report_ready' && (
              // The month's report: its page, and the PDF itself.
              <>
                &nbsp;·&nbsp;<Link to={`/reports/monthly?month=${String(n.params.month)}`}>{t('reports.menu')}</Link>
                &nbsp;·&nbsp;<a href={String(n.params.link)}>PDF</a>
              </>
            )}
          </List.Item>
        )}
      />
    </>
  );
}
