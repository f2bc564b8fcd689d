import { Button, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customersApi, type Customer } from '../api/customers';
import { PageHeader } from '../components/PageHeader';
import { ServerTable } from '../components/ServerTable';
import { ImportButton } from '../components/ImportButton';
import { useSession } from '../auth/session';
import { CustomerForm } from './CustomerForm';
import { PortalInviteButton } from './PortalInviteButton';
import { yuan } from './CustomerCredit';
import { useCustomerFromQuery } from './order-detail/customerLink';

// The price drawer and its texts load when it is first opened.
const CustomerPrices = lazy(() => import('./customers/CustomerPrices'));

export function CustomersPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [editing, setEditing] = useState<Customer | undefined>();
  const [open, setOpen] = useState(false);
  const [reload, setReload] = useState(0);
  const [kind, setKind] = useState<string>();
  const [pricing, setPricing] = useState<Customer>();
  const editor = can('sales_assistant', 'sales_director', 'finance', 'credit_controller');
  useCustomerFromQuery((c) => {
    setEditing(c);
    setOpen(true);
  });

  return (
    <>
      <PageHeader
        extra={
          editor && (
            <>
              <ImportButton url={customersApi.importUrl} onDone={() => setReload((r) => r + 1)} />
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="customer-new"
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
      <ServerTable<Customer>
        testId="customers-table"
        url={customersApi.listUrl}
        rowKey="id"
        reloadKey={reload}
        filters={{ kind }}
        exportUrl={customersApi.exportUrl}
        empty={t(editor ? 'emptyHint.customers' : 'emptyHint.customersReadOnly')}
        toolbar={
          <Select
            allowClear
            placeholder={t('customer.kind')}
            style={{ width: 130 }}
            value={kind}
            onChange={setKind}
            options={['ordinary', 'franchisee', 'direct', 'joint'].map((k) => ({
              value: k,
              label: t(`enums.customerKind.${k}`),
            }))}
          />
        }
        columns={[
          { title: t('customer.code'), dataIndex: 'code', key: 'code', sorter: true },
          { title: t('customer.shortCode'), dataIndex: 'shortCode', key: 'shortCode', sorter: true },
          { title: t('customer.name'), dataIndex: 'name', key: 'name', sorter: true },
          {
            title: t('customer.kind'),
            dataIndex: 'kind',
            key: 'kind',
            sorter: true,
            render: (k: string) => t(`enums.customerKind.${k}`),
          },
          { title: t('customer.region'), dataIndex: 'region', key: 'region', sorter: true },
          {
            title: t('customer.paymentMethod'),
            dataIndex: 'paymentMethod',
            render: (k: string) => t(`enums.paymentMethod.${k}`),
          },
          {
            title: t('customer.creditLimit'),
            dataIndex: 'creditLimit',
            key: 'creditLimit',
            sorter: true,
            align: 'right',
            render: (v: string) => yuan(v),
          },
          {
            title: t('customer.contacts'),
            dataIndex: 'contacts',
            render: (c: Customer['contacts']) => c.map((x) => `${x.name} ${x.phone ?? ''}`).join('; '),
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
                  render: (_: unknown, c: Customer) => (
                    <>
                      <Button
                        size="small"
                        onClick={() => {
                          setEditing(c);
                          setOpen(true);
                        }}
                      >
                        {t('common.edit')}
                      </Button>{' '}
                      {can('sales_assistant', 'sales_director', 'finance') && (
                        <Button size="small" data-testid="customer-prices-open" onClick={() => setPricing(c)}>
                          {t('customer.prices')}
                        </Button>
                      )}{' '}
                      {can('sales_assistant', 'sales_director') && <PortalInviteButton customerId={c.id} />}
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      {pricing && (
        <Suspense fallback={null}>
          <CustomerPrices customer={pricing} onClose={() => setPricing(undefined)} />
        </Suspense>
      )}
      <CustomerForm
        customer={editing}
        open={open}
        onClose={() => setOpen(false)}
        onSaved={() => {
          setOpen(false);
          setReload((r) => r + 1);
        }}
      />
    </>
  );
}
