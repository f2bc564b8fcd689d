import { Button, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stockApi, type StockAdjustmentBody, type StockReceiptBody } from '../api/stock';
import type { Movement, Product, QuarantineRow, StockRow, Warehouse } from '../api/types';
import { ServerTable } from '../components/ServerTable';
import { PageHeader } from '../components/PageHeader';
import { FormModal } from '../components/FormModal';
import { RemoteSelect } from '../components/RemoteSelect';
import { useSession } from '../auth/session';
import { dateTime } from '../format';

type Posting = {
  warehouseId: string;
  lines: { productId: string; qty?: number; delta?: number }[];
  reference?: string;
  reason?: string;
};

function PostingForm({ kind }: { kind: 'receipt' | 'adjustment' }) {
  const { t } = useTranslation();
  const amount = kind === 'receipt' ? 'qty' : 'delta';
  return (
    <>
      <Form.Item name="warehouseId" label={t('stock.warehouse')} rules={[{ required: true }]}>
        <RemoteSelect<Warehouse>
          url={stockApi.warehousesUrl}
          label={(w) => `${w.code} ${w.name}`}
          testId="posting-warehouse"
        />
      </Form.Item>
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline">
                <Form.Item name={[f.name, 'productId']} rules={[{ required: true }]}>
                  <RemoteSelect<Product>
                    url={stockApi.productsUrl}
                    label={(p) => `${p.sku} ${p.name}`}
                    placeholder={t('stock.product')}
                    testId="posting-product"
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, amount]}
                  rules={[{ required: true }, { type: 'integer', min: kind === 'receipt' ? 1 : undefined }]}
                >
                  <InputNumber
                    placeholder={kind === 'receipt' ? t('stock.qty') : t('stock.delta')}
                    precision={0}
                    style={{ width: 160 }}
                    data-testid="posting-qty"
                  />
                </Form.Item>
                {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
              {t('stock.addLine')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="reference" label={t('stock.reference')}>
        <Input />
      </Form.Item>
      <Form.Item name="reason" label={t('stock.reason')} rules={kind === 'adjustment' ? [{ required: true }] : []}>
        <Input />
      </Form.Item>
    </>
  );
}

/** 隔离库存: defective returned units per warehouse and product; not stock, never reservable. */
function QuarantineTable() {
  const { t } = useTranslation();
  const [warehouse, setWarehouse] = useState<string>();
  const [rows, setRows] = useState<QuarantineRow[]>();
  const [warehouses, setWarehouses] = useState<Warehouse[]>([]);
  useEffect(() => {
    void stockApi.warehouses().then((p) => setWarehouses(p.items));
  }, []);
  useEffect(() => {
    setRows(undefined);
    void stockApi.quarantine(warehouse).then(setRows);
  }, [warehouse]);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('quarantine.allWarehouses')}
          style={{ width: 260 }}
          value={warehouse}
          onChange={setWarehouse}
          data-testid="quarantine-warehouse"
          options={warehouses.map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }))}
        />
        <Typography.Text type="secondary">{t('quarantine.hint')}</Typography.Text>
      </Space>
      <div data-testid="quarantine-table">
        <Table<QuarantineRow>
          size="small"
          loading={!rows}
          dataSource={rows ?? []}
          rowKey={(r) => `${r.warehouseId}/${r.productId}`}
          pagination={false}
          columns={[
            { title: t('stock.warehouse'), dataIndex: 'warehouseCode' },
            { title: 'SKU', dataIndex: 'sku' },
            { title: t('stock.product'), dataIndex: 'name' },
            { title: t('quarantine.qty'), dataIndex: 'qty', align: 'right' },
          ]}
        />
      </div>
    </>
  );
}

export function StockPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [posting, setPosting] = useState<'receipt' | 'adjustment'>();
  const [reload, setReload] = useState(0);
  const [kind, setKind] = useState<string>();
  const keeper = can('warehouse');
  const seesQuarantine = can('warehouse', 'order_admin', 'finance');

  return (
    <>
      <PageHeader />
      {keeper && (
        <Space style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => setPosting('receipt')} data-testid="stock-receipt">
            {t('stock.receipt')}
          </Button>
          <Button onClick={() => setPosting('adjustment')}>{t('stock.adjustment')}</Button>
        </Space>
      )}
      <Tabs
        items={[
          {
            key: 'balances',
            label: t('stock.balances'),
            children: (
              <ServerTable<StockRow>
                testId="stock-table"
                url={stockApi.balancesUrl}
                rowKey={(r) => `${r.warehouseId}/${r.productId}`}
                reloadKey={reload}
                exportUrl={stockApi.balancesExportUrl}
                columns={[
                  { title: 'SKU', dataIndex: 'sku', key: 'sku', sorter: true },
                  { title: t('stock.product'), dataIndex: 'productName' },
                  { title: t('stock.warehouse'), dataIndex: 'warehouseName', key: 'warehouse', sorter: true },
                  { title: t('stock.onHand'), dataIndex: 'onHand', key: 'onHand', sorter: true, align: 'right' },
                  { title: t('stock.reserved'), dataIndex: 'reserved', key: 'reserved', sorter: true, align: 'right' },
                  {
                    title: t('stock.available'),
                    dataIndex: 'available',
                    key: 'available',
                    sorter: true,
                    align: 'right',
                    render: (a: number) => <Tag color={a > 0 ? 'green' : 'red'}>{a}</Tag>,
                  },
                ]}
              />
            ),
          },
          {
            key: 'movements',
            label: t('stock.movements'),
            children: (
              <ServerTable<Movement>
                url={stockApi.movementsUrl}
                rowKey="id"
                reloadKey={reload}
                filters={{ kind }}
                toolbar={
                  <Select
                    allowClear
                    placeholder={t('stock.kind')}
                    style={{ width: 120 }}
                    value={kind}
                    onChange={setKind}
                    options={['receipt', 'reserve', 'release', 'issue', 'return', 'adjust'].map((k) => ({
                      value: k,
                      label: t(`enums.movementKind.${k}`),
                    }))}
                  />
                }
                columns={[
                  {
                    title: t('stock.at'),
                    dataIndex: 'at',
                    key: 'at',
                    sorter: true,
                    render: (a: string) => dateTime(a),
                  },
                  { title: t('stock.kind'), dataIndex: 'kind', render: (k: string) => t(`enums.movementKind.${k}`) },
                  { title: 'SKU', dataIndex: 'sku', key: 'sku', sorter: true },
                  { title: t('stock.warehouse'), dataIndex: 'warehouseCode' },
                  { title: t('stock.onHandDelta'), dataIndex: 'onHandDelta', align: 'right' },
                  { title: t('stock.reservedDelta'), dataIndex: 'reservedDelta', align: 'right' },
                  { title: t('stock.reason'), dataIndex: 'reason' },
                  { title: t('stock.reference'), dataIndex: 'reference' },
                  { title: t('stock.by'), dataIndex: 'actorName' },
                ]}
              />
            ),
          },
          ...(seesQuarantine
            ? [{ key: 'quarantine', label: t('quarantine.tab'), children: <QuarantineTable key={reload} /> }]
            : []),
        ]}
      />
      <FormModal<Posting>
        open={!!posting}
        testId="posting-form"
        title={posting === 'adjustment' ? t('stock.adjustment') : t('stock.receipt')}
        initial={{ lines: [{ productId: undefined as never }] }}
        onClose={() => setPosting(undefined)}
        onSubmit={(v) =>
          posting === 'adjustment' ? stockApi.adjust(v as StockAdjustmentBody) : stockApi.receive(v as StockReceiptBody)
        }
        onSaved={() => {
          setPosting(undefined);
          setReload((r) => r + 1);
        }}
      >
        {() => <PostingForm kind={posting ?? 'receipt'} />}
      </FormModal>
    </>
  );
}
