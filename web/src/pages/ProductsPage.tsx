import { Button, Form, Input, InputNumber, Space, Switch, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { productsApi, type Product, type ProductInput } from '../api/products';
import { yuan } from '../format';
import { PageHeader } from '../components/PageHeader';
import { ServerTable } from '../components/ServerTable';
import { ImportButton } from '../components/ImportButton';
import { FormModal } from '../components/FormModal';
import { moneyRule } from '../components/forms';
import { useSession } from '../auth/session';

export function ProductsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [editing, setEditing] = useState<Product | undefined>();
  const [open, setOpen] = useState(false);
  const [reload, setReload] = useState(0);
  const editor = can('sales_director', 'order_admin', 'allocation_planner');

  return (
    <>
      <PageHeader
        extra={
          editor && (
            <>
              <ImportButton url={productsApi.importUrl} onDone={() => setReload((r) => r + 1)} />
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => {
                  setEditing(undefined);
                  setOpen(true);
                }}
              >
                {t('common.create')}
              </Button>
            </>
          )
        }
      />
      <ServerTable<Product>
        url={productsApi.listUrl}
        rowKey="id"
        reloadKey={reload}
        exportUrl={productsApi.exportUrl}
        empty={t(editor ? 'emptyHint.products' : 'emptyHint.productsReadOnly')}
        columns={[
          { title: t('product.sku'), dataIndex: 'sku', key: 'sku', sorter: true },
          { title: t('product.name'), dataIndex: 'name', key: 'name', sorter: true },
          { title: t('product.spec'), dataIndex: 'spec' },
          { title: t('product.unit'), dataIndex: 'unit' },
          {
            title: t('product.listPrice'),
            dataIndex: 'listPrice',
            key: 'listPrice',
            sorter: true,
            align: 'right',
            render: (v: string) => yuan(v),
          },
          {
            title: t('product.seasonal'),
            dataIndex: 'seasonal',
            render: (s: boolean) => (s ? t('common.yes') : t('common.no')),
          },
          { title: t('product.launchPriority'), dataIndex: 'launchPriority', key: 'launchPriority', sorter: true },
          { title: t('product.allocated'), dataIndex: 'allocated', render: (s: boolean) => (s ? t('common.yes') : '') },
          {
            title: t('productReturnable.label'),
            dataIndex: 'returnable',
            render: (r: boolean) => (r ? t('common.yes') : <Tag color="orange">{t('productReturnable.no')}</Tag>),
          },
          {
            title: t('common.active'),
            dataIndex: 'active',
            render: (a: boolean) =>
              a ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
          },
          ...(editor
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, p: Product) => (
                    <Button
                      size="small"
                      onClick={() => {
                        setEditing(p);
                        setOpen(true);
                      }}
                    >
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<Partial<Product>>
        open={open}
        title={editing ? t('product.editTitle') : t('product.newTitle')}
        initial={
          editing ?? {
            unit: '件',
            standardCost: '0.00',
            seasonal: false,
            launchPriority: 100,
            allocated: false,
            returnable: true,
          }
        }
        onClose={() => setOpen(false)}
        onSubmit={(v) => (editing ? productsApi.update(editing.id, v) : productsApi.create(v as ProductInput))}
        onSaved={() => {
          setOpen(false);
          setReload((r) => r + 1);
        }}
      >
        {() => (
          <>
            <Space wrap>
              <Form.Item
                name="sku"
                label={t('product.sku')}
                rules={[{ required: true }, { pattern: /^[A-Za-z0-9._-]{1,40}$/, message: 'A-Z 0-9 . _ -' }]}
              >
                <Input />
              </Form.Item>
              <Form.Item name="name" label={t('product.name')} rules={[{ required: true, max: 200 }]}>
                <Input style={{ width: 280 }} />
              </Form.Item>
            </Space>
            <Space wrap>
              <Form.Item name="spec" label={t('product.spec')}>
                <Input />
              </Form.Item>
              <Form.Item name="unit" label={t('product.unit')} rules={[{ required: true, max: 10 }]}>
                <Input style={{ width: 80 }} />
              </Form.Item>
            </Space>
            <Space wrap>
              <Form.Item name="listPrice" label={t('product.listPrice')} rules={[{ required: true }, moneyRule]}>
                <Input />
              </Form.Item>
              <Form.Item name="standardCost" label={t('product.standardCost')} rules={[moneyRule]}>
                <Input />
              </Form.Item>
            </Space>
            <Space wrap>
              <Form.Item name="seasonal" label={t('product.seasonal')} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item name="launchPriority" label={t('product.launchPriority')}>
                <InputNumber min={1} max={9999} precision={0} />
              </Form.Item>
              <Form.Item name="allocated" label={t('product.allocated')} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item
                name="returnable"
                label={t('productReturnable.label')}
                tooltip={t('productReturnable.hint')}
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
              {editing && (
                <Form.Item name="active" label={t('common.active')} valuePropName="checked">
                  <Switch />
                </Form.Item>
              )}
            </Space>
          </>
        )}
      </FormModal>
    </>
  );
}
