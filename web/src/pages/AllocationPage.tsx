import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  allocationApi,
  type AllocationRow,
  type AllocationRun as Run,
  type Receipt,
  type RunInput,
} from '../api/allocation';
import { PageHeader } from '../components/PageHeader';
import { useSession } from '../auth/session';
import { dateTime } from '../format';

/** 分货: choose a receipt or all stock, preview every row with its rule and explanation, then commit. */
export function AllocationPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [receipts, setReceipts] = useState<Receipt[]>([]);
  const [receiptId, setReceiptId] = useState<string>();
  const [season, setSeason] = useState<string>();
  const [policy, setPolicy] = useState<string>();
  const [run, setRun] = useState<Run>();
  const [committed, setCommitted] = useState(false);
  const loadReceipts = () => void allocationApi.receipts().then(setReceipts);
  useEffect(loadReceipts, []);
  const body = { receiptId, season, policy } as RunInput;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';

  const preview = async () => {
    try {
      setRun(await allocationApi.preview(body));
      setCommitted(false);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const commit = async () => {
    try {
      const r = await allocationApi.commit(body);
      setRun(r);
      setCommitted(true);
      message.success(r.replayed ? t('alloc.replayed') : t('alloc.committed'));
      loadReceipts();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const table = (kind: string) => (
    <Table<AllocationRow>
      size="small"
      rowKey={(r, i) => `${r.to.id}-${r.sku}-${i}`}
      pagination={{ pageSize: 50 }}
      data-testid={`alloc-${kind}`}
      dataSource={run?.rows.filter((r) => r.to.kind === kind)}
      columns={[
        { title: 'SKU', dataIndex: 'sku' },
        { title: t('alloc.target'), dataIndex: ['to', 'id'] },
        { title: t('order.qty'), dataIndex: 'qty', align: 'right' },
        {
          title: t('order.status'),
          dataIndex: 'status',
          render: (s: string) => (
            <Tag color={s === 'ship' ? 'green' : 'orange'}>{t(`alloc.${s === 'ship' ? 'ship' : 'reserved'}`)}</Tag>
          ),
        },
        { title: t('alloc.rule'), dataIndex: 'rule', render: (r: string) => <Tag>{r}</Tag> },
        { title: t('alloc.explain'), dataIndex: 'explain', render: (e: AllocationRow['explain']) => e[lang] },
      ]}
    />
  );

  return (
    <>
      <PageHeader />
      <Card size="small">
        <Space wrap>
          <span>{t('alloc.source')}</span>
          <Select
            style={{ width: 320 }}
            value={receiptId ?? ''}
            onChange={(v) => setReceiptId(v || undefined)}
            data-testid="alloc-receipt"
            options={[
              { value: '', label: t('alloc.allAvailable') },
              ...receipts.map((r) => ({
                value: r.id,
                label:
                  `${t('alloc.receipt')} ${r.reference || r.id.slice(0, 8)} · ` +
                  `${dateTime(r.createdAt)}${r.runId ? ` · ${t('alloc.committed')}` : ''}`,
              })),
            ]}
          />
          <span>{t('alloc.season')}</span>
          <Select
            allowClear
            style={{ width: 120 }}
            value={season}
            onChange={setSeason}
            options={['spring_summer', 'autumn_winter'].map((s) => ({ value: s, label: t(`alloc.${s}`) }))}
          />
          <span>{t('alloc.policy')}</span>
          <Radio.Group value={policy ?? 'priority'} onChange={(e) => setPolicy(e.target.value)}>
            <Radio.Button value="priority">{t('alloc.byPriority')}</Radio.Button>
            <Radio.Button value="funds">{t('alloc.byFunds')}</Radio.Button>
          </Radio.Group>
          <Button onClick={preview} data-testid="alloc-preview">
            {t('alloc.preview')}
          </Button>
          {can('allocation_planner') && (
            <Button type="primary" onClick={commit} disabled={!run || committed} data-testid="alloc-commit">
              {t('alloc.commit')}
            </Button>
          )}
          {committed && run?.id && <Button href={allocationApi.runExportUrl(run.id)}>{t('alloc.export')}</Button>}
        </Space>
      </Card>
      {!run && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('emptyHint.allocation')} style={{ marginTop: 24 }} />
      )}
      {run && (
        <>
          <Row gutter={16} style={{ margin: '16px 0' }} data-testid="alloc-totals">
            {(['ship', 'reserved', 'toFranchisees', 'toStores', 'toRegions', 'remaining'] as const).map((k) => (
              <Col key={k} xs={8} md={4}>
                <Statistic
                  title={
                    {
                      ship: t('alloc.ship'),
                      reserved: t('alloc.reserved'),
                      toFranchisees: t('alloc.franchisee'),
                      toStores: t('alloc.store'),
                      toRegions: t('alloc.region'),
                      remaining: t('alloc.remaining'),
                    }[k]
                  }
                  value={run.totals[k]}
                />
              </Col>
            ))}
          </Row>
          {run.rows.length === 0 ? (
            <Typography.Text>{t('alloc.nothing')}</Typography.Text>
          ) : (
            <Tabs
              items={(['franchisee', 'store', 'region'] as const).map((k) => ({
                key: k,
                label: `${t(`alloc.${k}`)} (${run.rows.filter((r) => r.to.kind === k).length})`,
                children: table(k),
              }))}
            />
          )}
        </>
      )}
    </>
  );
}
