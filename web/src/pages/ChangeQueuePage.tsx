import { Segmented, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { changes, type ChangeRequest } from '../api/changes';
import { PageHeader } from '../components/PageHeader';
import { CHANGE_STATUS_COLORS } from './ChangeRequestPage';
import { dateTime } from '../format';

const FILTERS = ['mine', 'submitted', 'approved', 'applied', 'all'] as const;

/** 变更审批队列: changes waiting for my department's stage, or by status. */
export function ChangeQueuePage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('mine');
  const [items, setItems] = useState<ChangeRequest[]>([]);
  const load = useCallback(async () => {
    const q = filter === 'mine' ? { stage: 'mine' as const } : filter === 'all' ? {} : { status: filter };
    setItems((await changes.list(q)).items);
  }, [filter]);
  useEffect(() => void load(), [load]);
  return (
    <>
      <PageHeader title={t('changeReq.menu')} />
      <Segmented
        style={{ marginBottom: 12 }}
        value={filter}
        onChange={(v) => setFilter(v as typeof filter)}
        options={FILTERS.map((f) => ({ value: f, label: t(`changeReq.filter.${f}`) }))}
      />
      <Table<ChangeRequest>
        rowKey="id"
        size="middle"
        dataSource={items}
        data-testid="change-queue"
        locale={{ emptyText: t('changeReq.empty') }}
        columns={[
          {
            title: t('changeReq.number'),
            dataIndex: 'number',
            render: (n: string, c) => <Link to={`/change-requests/${c.id}`}>{n}</Link>,
          },
          { title: t('order.customer'), render: (_, c) => c.order.customerName },
          {
            title: t('order.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag color={CHANGE_STATUS_COLORS[s]}>{t(`changeReq.status.${s}`)}</Tag>,
          },
          {
            title: t('changeReq.waiting'),
            render: (_, c) =>
              c.approvals
                .filter((a) => a.status === 'pending')
                .map((a) => (
                  <Tag key={a.id} color={a.late ? 'red' : undefined}>
                    {t(`changeReq.stage.${a.stage}`)}
                  </Tag>
                )),
          },
          { title: t('changeReq.reason'), dataIndex: 'reason' },
          {
            title: t('changeReq.createdBy'),
            render: (_, c) => `${c.createdBy.name ?? ''} ${dateTime(c.createdAt)}`,
          },
        ]}
      />
    </>
  );
}
