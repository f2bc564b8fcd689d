import { App, Button, Input, Modal, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { productionApi, type ProductionRequest } from '../api/production';
import { PageHeader } from '../components/PageHeader';
import { StatusTag } from '../components/StatusTag';
import { useSession } from '../auth/session';
import { dateTime } from '../format';

/** 生产申请: the planner answers each shortage with a completion date, or declines with a reason. */
export function ProductionPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const [items, setItems] = useState<ProductionRequest[]>([]);
  const [answering, setAnswering] = useState<{ req: ProductionRequest; decision: 'answer' | 'decline' }>();
  const [value, setValue] = useState('');
  const load = useCallback(async () => setItems(await productionApi.list()), []);
  useEffect(() => void load(), [load]);
  const planner = can('production_planner');

  return (
    <>
      <PageHeader />
      <Table<ProductionRequest>
        rowKey="id"
        locale={{ emptyText: t('emptyHint.production') }}
        dataSource={items}
        size="middle"
        columns={[
          {
            title: t('order.number'),
            dataIndex: 'orderNumber',
            render: (n: string, r) => (r.orderId ? <Link to={`/orders/${r.orderId}`}>{n}</Link> : n),
          },
          { title: 'SKU', dataIndex: 'sku' },
          { title: t('order.product'), dataIndex: 'productName' },
          { title: t('order.qty'), dataIndex: 'qty', align: 'right' },
          { title: t('order.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
          { title: t('order.due'), dataIndex: 'dueAt', render: (d: string) => dateTime(d) },
          {
            title: t('order.completionDate'),
            key: 'answer',
            render: (_: unknown, r) => r.completionDate ?? r.reason ?? '',
          },
          ...(planner
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  // Buttons come from the server's `actions` (what this user may do now).
                  render: (_: unknown, r: ProductionRequest & { actions?: string[] }) => {
                    const actions = r.actions ?? [];
                    const progress = (['start', 'finish'] as const).find((e) => actions.includes(e));
                    return (
                      <Space>
                        {actions.includes('answer') && (
                          <Button
                            size="small"
                            type="primary"
                            onClick={() => {
                              setValue('');
                              setAnswering({ req: r, decision: 'answer' });
                            }}
                          >
                            {t('order.productionAnswer')}
                          </Button>
                        )}
                        {actions.includes('decline') && (
                          <Button
                            size="small"
                            danger
                            onClick={() => {
                              setValue('');
                              setAnswering({ req: r, decision: 'decline' });
                            }}
                          >
                            {t('order.decline')}
                          </Button>
                        )}
                        {progress && (
                          <Button
                            size="small"
                            onClick={async () => {
                              try {
                                await productionApi.progress(r.id, { event: progress });
                                await load();
                              } catch (e) {
                                message.error((e as Error).message);
                              }
                            }}
                          >
                            {t(progress === 'start' ? 'ful.start' : 'ful.finish')}
                          </Button>
                        )}
                      </Space>
                    );
                  },
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!answering}
        title={answering?.decision === 'answer' ? t('order.completionDate') : t('order.reason')}
        onCancel={() => setAnswering(undefined)}
        onOk={async () => {
          try {
            const body =
              answering!.decision === 'answer'
                ? { decision: 'answer' as const, completionDate: value }
                : { decision: 'decline' as const, reason: value };
            await productionApi.answer(answering!.req.id, body);
            setAnswering(undefined);
            await load();
          } catch (e) {
            message.error((e as Error).message);
          }
        }}
      >
        {answering?.decision === 'answer' ? (
          <Input type="date" value={value} onChange={(e) => setValue(e.target.value)} />
        ) : (
          <Input.TextArea value={value} onChange={(e) => setValue(e.target.value)} />
        )}
      </Modal>
    </>
  );
}
