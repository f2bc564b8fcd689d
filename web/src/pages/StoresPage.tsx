import { Button, Card, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { storesApi, type Demand, type Store, type StoreInput } from '../api/allocation';
import { productsApi, type Product } from '../api/products';
import { PageHeader } from '../components/PageHeader';
import { FormModal } from '../components/FormModal';
import { RemoteSelect } from '../components/RemoteSelect';
import { useSession } from '../auth/session';
import { ImportButton } from '../components/ImportButton';
import { SeasonOrder } from './SeasonOrder';

/** 门店与需求: direct and joint stores, their safety-stock shortfall and regional prep stock. */
export function StoresPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [stores, setStores] = useState<Store[]>([]);
  const [demand, setDemand] = useState<Demand>({ stores: [], regions: [] });
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const load = useCallback(async () => {
    setStores(await storesApi.list());
    setDemand(await storesApi.demand());
  }, []);
  useEffect(() => void load(), [load]);
  const planner = can('allocation_planner');

  const addDemand = async () => {
    const v = await form.validateFields();
    const body = v.storeId
      ? { stores: [{ storeId: v.storeId, productId: v.productId, qty: v.qty }] }
      : { regions: [{ region: v.region, productId: v.productId, qty: v.qty }] };
    setDemand(await storesApi.addDemand(body));
    form.resetFields();
  };

  return (
    <>
      <PageHeader
        extra={
          <>
            {planner && (
              <Button type="primary" onClick={() => setCreating(true)}>
                {t('alloc.storeNew')}
              </Button>
            )}
            {planner && <ImportButton url={storesApi.demandImportUrl} onDone={load} />}
            <Button href={storesApi.demandExportUrl()}>{t('common.export')}</Button>
          </>
        }
      />
      <Table<Store>
        rowKey="id"
        size="small"
        dataSource={stores}
        pagination={false}
        locale={{ emptyText: planner ? t('emptyHint.stores') : undefined }}
        columns={[
          { title: t('warehouse.code'), dataIndex: 'code' },
          { title: t('warehouse.name'), dataIndex: 'name' },
          { title: t('customer.region'), dataIndex: 'region' },
          { title: t('alloc.class'), dataIndex: 'class' },
          { title: t('alloc.kind'), dataIndex: 'kind', render: (k: string) => t(`alloc.${k}`) },
        ]}
      />
      <SeasonOrder editable={can('admin')} />
      <Card size="small" title={t('alloc.demand')} style={{ marginTop: 16 }}>
        {planner && (
          <Form form={form} layout="inline" style={{ marginBottom: 12 }}>
            <Form.Item name="storeId">
              <Select
                allowClear
                placeholder={t('alloc.store')}
                style={{ width: 160 }}
                options={stores.map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
              />
            </Form.Item>
            <Form.Item name="region">
              <Input placeholder={t('alloc.region')} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="productId" rules={[{ required: true }]}>
              <RemoteSelect<Product>
                url={productsApi.listUrl}
                label={(p) => `${p.sku} ${p.name}`}
                style={{ width: 220 }}
              />
            </Form.Item>
            <Form.Item name="qty" rules={[{ required: true }]}>
              <InputNumber min={0} precision={0} placeholder={t('order.qty')} />
            </Form.Item>
            <Button onClick={addDemand}>{t('alloc.addDemand')}</Button>
          </Form>
        )}
        <Space align="start" wrap>
          <Table
            size="small"
            title={() => t('alloc.storeDemand')}
            rowKey={(d) => `${d.storeId}${d.sku}`}
            pagination={false}
            dataSource={demand.stores}
            columns={[
              { title: t('alloc.store'), dataIndex: 'storeCode' },
              { title: t('customer.region'), dataIndex: 'region' },
              { title: 'SKU', dataIndex: 'sku' },
              { title: t('order.qty'), dataIndex: 'qty' },
            ]}
          />
          <Table
            size="small"
            title={() => t('alloc.regionDemand')}
            rowKey={(d) => `${d.region}${d.sku}`}
            pagination={false}
            dataSource={demand.regions}
            columns={[
              { title: t('alloc.region'), dataIndex: 'region' },
              { title: 'SKU', dataIndex: 'sku' },
              { title: t('order.qty'), dataIndex: 'qty' },
            ]}
          />
        </Space>
      </Card>
      <FormModal<Omit<Store, 'id' | 'active'>>
        open={creating}
        title={t('alloc.storeNew')}
        initial={{ class: 'A', kind: 'direct' }}
        onClose={() => setCreating(false)}
        onSubmit={(v) => storesApi.create(v as StoreInput)}
        onSaved={() => {
          setCreating(false);
          void load();
        }}
      >
        {() => (
          <>
            <Form.Item name="code" label={t('warehouse.code')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="name" label={t('warehouse.name')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="region" label={t('customer.region')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="class" label={t('alloc.class')}>
              <Select options={['A', 'B', 'C'].map((c) => ({ value: c, label: c }))} />
            </Form.Item>
            <Form.Item name="kind" label={t('alloc.kind')}>
              <Select options={['direct', 'joint'].map((k) => ({ value: k, label: t(`alloc.${k}`) }))} />
            </Form.Item>
          </>
        )}
      </FormModal>
    </>
  );
}
