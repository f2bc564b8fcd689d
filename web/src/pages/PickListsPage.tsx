import { App, Button, Empty, List, Segmented, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { shippingApi, type PickList, type PickListLine as Line, type PickListStatus } from '../api/shipping';
import { PageHeader } from '../components/PageHeader';
import { dateTime } from '../format';
import { BIG, OpsCard, usePhone } from './ops/phone';

/** 拣货单 (6.4.4): one per allocation target; posting ships it. */
export function PickListsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState('open');
  const [lists, setLists] = useState<PickList[]>([]);
  const [lines, setLines] = useState<Record<string, Line[]>>({});
  const phone = usePhone();
  const showLines = async (id: string) =>
    !lines[id] && setLines({ ...lines, [id]: (await shippingApi.pickList(id)).lines });
  const post = async (r: PickList) => {
    try {
      await shippingApi.postPickList(r.id);
      message.success(t('common.saved'));
      await load();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const load = useCallback(async () => setLists(await shippingApi.pickLists(status as PickListStatus)), [status]);
  useEffect(() => void load(), [load]);

  return (
    <>
      <PageHeader />
      <Segmented
        value={status}
        onChange={(v) => setStatus(String(v))}
        options={['open', 'posted', 'cancelled'].map((s) => ({ value: s, label: t(`allocLifecycle.${s}`) }))}
        style={{ marginBottom: 12 }}
      />
      {phone ? (
        <List<PickList>
          dataSource={lists}
          data-testid="pick-lists"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ops.empty.pickLists')} /> }}
          renderItem={(r) => (
            <List.Item style={{ padding: '0 0 8px', borderBlockEnd: 'none' }}>
              <OpsCard
                title={
                  <>
                    <Tag>{t(`alloc.${r.targetKind}`)}</Tag>
                    {r.targetName}
                  </>
                }
                tag={<Tag>{t(`allocLifecycle.${r.status}`)}</Tag>}
                fields={[
                  { label: t('alloc.units'), value: r.units },
                  { label: t('stock.at'), value: dateTime(r.createdAt) },
                  ...(lines[r.id] ?? []).map((l) => ({ label: l.sku, value: `${l.name} × ${l.qty}` })),
                ]}
                actions={
                  <>
                    {!lines[r.id] && (
                      <Button {...BIG} onClick={() => void showLines(r.id)}>
                        {t('ops.details')}
                      </Button>
                    )}
                    {r.actions.includes('post') && (
                      <Button type="primary" {...BIG} data-testid="pick-post" onClick={() => void post(r)}>
                        {t('alloc.post')}
                      </Button>
                    )}
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Table<PickList>
          rowKey="id"
          size="middle"
          dataSource={lists}
          data-testid="pick-lists"
          expandable={{
            onExpand: async (open, r) => open && (await showLines(r.id)),
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
            { title: t('stock.at'), dataIndex: 'createdAt', render: dateTime },
            { title: t('order.status'), dataIndex: 'status', render: (s: string) => t(`allocLifecycle.${s}`) },
            ...(lists.some((l) => l.actions.length)
              ? [
                  {
                    title: t('common.actions'),
                    key: 'a',
                    render: (_: unknown, r: PickList) =>
                      r.actions.includes('post') && (
                        <Button size="small" type="primary" data-testid="pick-post" onClick={() => void post(r)}>
                          {t('alloc.post')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </>
  );
}
