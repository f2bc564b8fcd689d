import { Card, Timeline } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { HistoryRow, ReturnHistoryRow } from '../../api/types';
import { returnTimelineItem } from '../OrderReturns';
import { dateTime } from './dates';

const APPROVALS = ['approve_stage', 'approve_final'];

/** An event's name in the user's language: the order's own events, the special orders', or a generic one. */
export function eventLabel(t: TFunction, event: string) {
  for (const key of [`event.${event}`, `special.event.${event}`, `orderPage.event.${event}`])
    if (t(key, { defaultValue: '' })) return t(key);
  return t('orderPage.event.other');
}

/** An approval's stored reason is its stage's code unless the reviewer wrote a comment. */
function reasonText(t: TFunction, h: HistoryRow) {
  if (!h.reason) return '';
  if (APPROVALS.includes(h.event) && t(`stage.${h.reason}`, { defaultValue: '' })) return t(`stage.${h.reason}`);
  return h.reason;
}

/** 处理记录: every status change of the order and of its returns, oldest first, who/when/why. */
export function OrderTimeline({ history, returns }: { history: HistoryRow[]; returns: ReturnHistoryRow[] }) {
  const { t } = useTranslation();
  const items = [
    ...history.map((h) => ({
      at: h.at,
      color: h.event === 'reject' || h.event === 'cancel' ? 'red' : h.to === 'confirmed' ? 'green' : 'blue',
      title: dateTime(h.at),
      content: (
        <span data-testid="order-timeline-item">
          <b>{eventLabel(t, h.event)}</b> {h.from ? `${t(`status.${h.from}`)} → ` : ''}
          {t(`status.${h.to}`)}
          {' · '}
          {h.actorName ?? t('orderPage.timeline.system')}
          {reasonText(t, h) ? ` · ${reasonText(t, h)}` : ''}
        </span>
      ),
    })),
    ...returns.map((h) => ({
      at: h.at,
      color: 'gray',
      title: dateTime(h.at),
      content: returnTimelineItem(h, t).children,
    })),
  ].sort((x, y) => x.at.localeCompare(y.at));
  return (
    <Card size="small" title={t('order.history')} data-testid="order-history">
      <Timeline items={items.map(({ at: _at, ...item }, i) => ({ key: i, ...item }))} />
    </Card>
  );
}
