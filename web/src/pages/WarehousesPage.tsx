import { Button, Form, Input, Select, Switch, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { warehousesApi, type Warehouse, type WarehouseChanges, type WarehouseInput } from '../api/warehouses';
import { PageHeader } from '../components/PageHeader';
import { ServerTable } from '../components/ServerTable';
import { FormModal } from '../components/FormModal';
import { useSession } from '../auth/session';

export function WarehousesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [editing, setEditing] = useState<Warehouse | undefined>();
  const [open, setOpen] = useState(false);
  const [reload, setReload] = useState(0);
  const editor = can('warehouse', 'order_admin');

  return (
    <>
      <PageHeader
        extra={
          editor && (
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
          )
        }
      />
      <ServerTable<Warehouse>
        url={warehousesApi.listUrl}
        rowKey="id"
        reloadKey={reload}
        exportUrl={warehousesApi.exportUrl}
        empty={editor && t('emptyHint.warehouses')}
        columns={[
          { title: t('warehouse.code'), dataIndex: 'code', key: 'code', sorter: true },
          { title: t('warehouse.name'), dataIndex: 'name', key: 'name', sorter: true },
          {
            title: t('warehouse.kind'),
            dataIndex: 'kind',
            key: 'kind',
            sorter: true,
            render: (k: string) => t(`enums.warehouseKind.${k}`),
          },
          { title: t('warehouse.address'), dataIndex: 'address' },
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
                  render: (_: unknown, w: Warehouse) => (
                    <Button
                      size="small"
                      onClick={() => {
                        setEditing(w);
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
      <FormModal<Partial<Warehouse>>
        open={open}
        title={editing ? t('warehouse.editTitle') : t('warehouse.newTitle')}
        initial={editing ?? { kind: 'other' }}
        onClose={() => setOpen(false)}
        onSubmit={({ code, ...rest }) =>
          editing
            ? warehousesApi.update(editing.id, rest as WarehouseChanges)
            : warehousesApi.create({ code, ...rest } as WarehouseInput)
        }
        onSaved={() => {
          setOpen(false);
          setReload((r) => r + 1);
        }}
      >
        {() => (
          <>
            <Form.Item
              name="code"
              label={t('warehouse.code')}
              rules={[{ required: true }, { pattern: /^[A-Za-z0-9_-]{1,20}$/, message: 'A-Z 0-9 _ -' }]}
            >
              <Input disabled={!!editing} />
            </Form.Item>
            <Form.Item name="name" label={t('warehouse.name')} rules={[{ required: true, max: 100 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="kind" label={t('warehouse.kind')}>
              <Select
                options={['central', 'regional', 'other'].map((k) => ({
                  value: k,
                  label: t(`enums.warehouseKind.${k}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="address" label={t('warehouse.address')}>
              <Input />
            </Form.Item>
            {editing && (
              <Form.Item name="active" label={t('common.active')} valuePropName="checked">
                <Switch />
              </Form.Item>
            )}
          </>
        )}
      </FormModal>
    </>
  );
}
