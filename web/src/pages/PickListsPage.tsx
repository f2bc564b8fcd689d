import { App, Button, Segmented, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';

type PickList = {
  id: string;
  targetKind: string;
  targetName: string;
  status: string;
  units: number;
  createdAt: string;
  postedAt: string | null;
  /** What I may do with it now, from the server. */
  actions: string[];
};
type Line = {
  lineNo: number;
  sku: string;
  name: string;
  qty: number;
  orderId: string | null;
  orderNumber: string | null;
};

/** 拣货单 (6.4.4): one per allocation target; posting ships it. */
export function PickListsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState('open');
  const [lists, setLists] = useState<PickList[]>([]);
  const [lines, setLines] = useState<Record<string, Line[]>>({});
  const load = useCallback(async () => setLists(await api.get<PickList[]>('/api/pick-lists', { status })), [status]);
  useEffect(() => void load(), [load]);

  return (
    <>
      <Typography.Title level={4}>{t('menu.pickLists')}</Typography.Title>
      <Segmented
        value={status}
        onChange={(v) => setStatus(String(v))}
        options={['open', 'posted', 'cancelled'].map((s) => ({ value: s, label: t(`allocLifecycle.${s}`) }))}
        style={{ marginBottom: 12 }}
      />
      <Table<PickList>
        rowKey="id"
        size="middle"
        dataSource={lists}
        data-testid="pick-lists"
        expandable={{
          onExpand: async (open, r) =>
            open &&
            !lines[r.id] &&
            setLines({ ...lines, [r.id]: (await api.get<{ lines: Line[] }>(`/api/pick-lists/${r.id}`)).lines }),
          expandedRowRender: (r) => (
            <Table<Line>
              rowKey="lineNo"
              size="small"
              pagination={false}
              dataSource={lines[r.id]}
              columns={[
                { title: 'SKU', dataIndex: 'sku' },
                { title: t('order.product'), dataIndex: 'name' },
                { title: t('order.qty'), dataIndex: 'qty', align: 'right' },
                {
                  title: t('order.number'),
                  dataIndex: 'orderNumber',
                  render: (n: string | null, l) => (n ? <Link to={`/orders/${l.orderId}`}>{n}</Link> : ''),
                },
              ]}
            />
          ),
        }}
        columns={[
          {
            title: t('alloc.target'),
            dataIndex: 'targetName',
            render: (n: string, r) => (
              <>
                <Tag>{t(`alloc.${r.targetKind}`)}</Tag>
                {n}
              </>
            ),
          },
          { title: t('alloc.units'), dataIndex: 'units', align: 'right' },
          { title: t('stock.at'), dataIndex: 'createdAt', render: (a: string) => new Date(a).toLocaleString() },
          { title: t('order.status'), dataIndex: 'status', render: (s: string) => t(`allocLifecycle.${s}`) },
          ...(lists.some((l) => l.actions.length)
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  render: (_: unknown, r: PickList) =>
                    r.actions.includes('post') && (
                      <Button
                        size="small"
                        type="primary"
                        data-testid="pick-post"
                        onClick={async () => {
                          try {
                            await api.post(`/api/pick-lists/${r.id}/post`);
                            message.success(t('common.saved'));
                            await load();
                          } catch (e) {
                            message.error((e as Error).message);
                          }
                        }}
                      >
                        {t('alloc.post')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
