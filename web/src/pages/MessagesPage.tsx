import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MESSAGE_CHANNELS, MESSAGE_STATUSES, messagesApi, type MessageStatus, type OutMessage } from '../api/messages';
import { PageHeader } from '../components/PageHeader';
import { ServerTable } from '../components/ServerTable';
import { dateTime } from '../format';
import { zh as messageTexts } from '../i18n/parts/messages';

/** The kinds of message are the ones named in the texts. */
const MESSAGE_KINDS = Object.keys(messageTexts.enums.messageKind);

const STATUS_COLOR: Record<MessageStatus, string> = {
  queued: 'processing',
  sent: 'success',
  failed: 'warning',
  dead: 'error',
};

/** 系统 → 消息: what was sent to customers, what failed, the text each got, and sending one again. */
export function MessagesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<{ status?: string; channel?: string; kind?: string }>({});
  const [open, setOpen] = useState<OutMessage>();
  const [reload, setReload] = useState(0);

  const retry = async (m: OutMessage) => {
    const queued = await messagesApi.retry(m.id);
    message.success(t('outMessages.retried'));
    setOpen((o) => (o?.id === m.id ? queued : o));
    setReload((n) => n + 1);
  };
  const retryButton = (m: OutMessage, size: 'small' | 'middle' = 'small') =>
    m.actions.includes('retry') && (
      <Button size={size} onClick={() => void retry(m)} data-testid="message-retry">
        {t('outMessages.retry')}
      </Button>
    );
  const select = (key: 'status' | 'channel' | 'kind', values: readonly string[], label: (v: string) => string) => (
    <Select
      allowClear
      placeholder={t(`outMessages.${key}`)}
      style={{ width: key === 'kind' ? 180 : 130 }}
      value={filters[key]}
      onChange={(v?: string) => setFilters((f) => ({ ...f, [key]: v }))}
      options={values.map((v) => ({ value: v, label: label(v) }))}
      data-testid={`message-filter-${key}`}
    />
  );

  return (
    <>
      <PageHeader />
      <ServerTable<OutMessage>
        url={messagesApi.listUrl()}
        rowKey="id"
        filters={filters}
        reloadKey={reload}
        testId="messages-table"
        searchPlaceholder={t('outMessages.search')}
        empty={t('outMessages.empty')}
        toolbar={
          <Space wrap>
            {select('status', MESSAGE_STATUSES, (v) => t(`outMessages.statuses.${v}`))}
            {select('channel', MESSAGE_CHANNELS, (v) => t(`enums.messageChannel.${v}`))}
            {select('kind', MESSAGE_KINDS, (v) => t(`enums.messageKind.${v}`))}
          </Space>
        }
        columns={[
          { title: t('outMessages.createdAt'), dataIndex: 'createdAt', render: dateTime },
          { title: t('outMessages.customer'), dataIndex: 'customerName' },
          { title: t('outMessages.kind'), dataIndex: 'kind', render: (k: string) => t(`enums.messageKind.${k}`) },
          {
            title: t('outMessages.channel'),
            dataIndex: 'channel',
            render: (c: string) => t(`enums.messageChannel.${c}`),
          },
          {
            title: t('outMessages.recipient'),
            dataIndex: 'recipient',
            render: (r: string, m: OutMessage) =>
              r
                ? `${m.contactName} ${r}`.trim()
                : m.channel === 'wecom' || m.channel === 'dingtalk'
                  ? t('outMessages.group')
                  : '—',
          },
          {
            title: t('outMessages.status'),
            dataIndex: 'status',
            render: (s: MessageStatus) => <Tag color={STATUS_COLOR[s]}>{t(`outMessages.statuses.${s}`)}</Tag>,
          },
          { title: t('outMessages.attempts'), dataIndex: 'attempts', align: 'right' },
          { title: t('outMessages.lastError'), dataIndex: 'lastError', ellipsis: true },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, m: OutMessage) => (
              <Space>
                <Button size="small" onClick={() => setOpen(m)} data-testid="message-open">
                  {t('outMessages.view')}
                </Button>
                {retryButton(m)}
              </Space>
            ),
          },
        ]}
      />
      <Drawer
        open={!!open}
        onClose={() => setOpen(undefined)}
        size="large"
        title={open ? `${t(`enums.messageKind.${open.kind}`)} · ${open.customerName}` : ''}
        extra={open && retryButton(open, 'middle')}
      >
        {open && (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="message-drawer">
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('outMessages.status')}>
                <Tag color={STATUS_COLOR[open.status]}>{t(`outMessages.statuses.${open.status}`)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('outMessages.channel')}>
                {t(`enums.messageChannel.${open.channel}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('outMessages.recipient')}>
                {open.recipient ? `${open.contactName} ${open.recipient}`.trim() : t('outMessages.group')}
              </Descriptions.Item>
              <Descriptions.Item label={t('outMessages.attempts')}>{open.attempts}</Descriptions.Item>
              <Descriptions.Item label={t('outMessages.sentAt')}>{dateTime(open.sentAt)}</Descriptions.Item>
              <Descriptions.Item label={t('outMessages.nextAttemptAt')}>
                {dateTime(open.nextAttemptAt)}
              </Descriptions.Item>
            </Descriptions>
            {open.lastError && (
              <Alert type="error" showIcon title={t('outMessages.lastError')} description={open.lastError} />
            )}
            <Typography.Title level={5}>{open.subject}</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="message-text">
              {open.text}
            </Typography.Paragraph>
          </Space>
        )}
      </Drawer>
    </>
  );
}
