import { Select, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ReturnListItem } from '../api/types';
import { ServerTable } from '../components/ServerTable';
import { yuan } from '../format';

export const RETURN_STATUSES = [
  'requested',
  'approved',
  'rejected',
  'awaiting_goods',
  'received',
  'inspected',
  'refund_pending',
  'exchange',
  'refunded',
  'closed',
];

/**
 * 退货单 list: newest first, filtered by status and searched by return or order number or customer; the export
 * holds what the filter shows. A return is requested from its order's page.
 */
export function ReturnsPage() {
  const { t } = useTranslation();
  // The status filter lives in the address, so a 工作台 card opens the list already filtered.
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? undefined;
  const setStatus = (v?: string) =>
    setParams(
      (p) => {
        if (v) p.set('status', v);
        else p.delete('status');
        return p;
      },
      { replace: true },
    );
  return (
    <>
      <Typography.Title level={4}>{t('returns.menu')}</Typography.Title>
      <ServerTable<ReturnListItem>
        url="/api/returns"
        rowKey="id"
        testId="returns"
        filters={{ status }}
        exportUrl="/api/returns/export.xlsx"
        exportFiltered
        searchPlaceholder={t('returnsList.search')}
        toolbar={
          <Space>
            <Select
              allowClear
              style={{ width: 160 }}
              placeholder={t('order.status')}
              value={status}
              onChange={setStatus}
              options={RETURN_STATUSES.map((s) => ({ value: s, label: t(`returns.status.${s}`) }))}
            />
          </Space>
        }
        columns={[
          {
            title: t('returns.number'),
            dataIndex: 'number',
            render: (n: string, r) => <Link to={`/returns/${r.id}`}>{n}</Link>,
          },
          {
            title: t('returns.order'),
            dataIndex: 'orderNumber',
            render: (n: string, r) => <Link to={`/orders/${r.orderId}`}>{n}</Link>,
          },
          { title: t('returns.customer'), dataIndex: 'customerName' },
          {
            title: t('order.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag data-testid="return-status">{t(`returns.status.${s}`)}</Tag>,
          },
          {
            title: t('returns.refund'),
            dataIndex: 'refundAmount',
            align: 'right',
            render: (v: string | null) => (v ? yuan(v) : ''),
          },
          {
            title: t('returns.createdAt'),
            dataIndex: 'createdAt',
            render: (d: string) => new Date(d).toLocaleString(),
          },
        ]}
      />
    </>
  );
}
