import { App, Button, Drawer, Form, Input, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { FormModal } from '../components/FormModal';
import { ImportButton } from '../components/ImportButton';
import { moneyRule } from '../components/forms';
import { useSession } from '../auth/session';

type Balance = { customerId: string; code: string; name: string; priority: number; funds: string; credit: string };
type LedgerRow = {
  id: string;
  at: string;
  kind: string;
  fundsDelta: string;
  creditDelta: string;
  reason: string;
  reference: string;
  actorName: string;
};

/** 加盟商资金: funds and credit per franchisee (finance updates them daily), each with its ledger. */
export function FranchiseesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [rows, setRows] = useState<Balance[]>([]);
  const [editing, setEditing] = useState<Balance>();
  const [ledger, setLedger] = useState<{ who: Balance; rows: LedgerRow[] }>();
  const load = useCallback(async () => setRows(await api.get<Balance[]>('/api/franchisees')), []);
  useEffect(() => void load(), [load]);
  const finance = can('finance');

  return (
    <>
      <Typography.Title level={4}>{t('menu.franchisees')}</Typography.Title>
      <Space style={{ marginBottom: 12 }}>
        {finance && <ImportButton url="/api/franchisees/import" onDone={load} />}
        <Button href="/api/franchisees/export.xlsx">{t('common.export')}</Button>
      </Space>
      <Table<Balance>
        rowKey="customerId"
        dataSource={rows}
        size="middle"
        data-testid="franchisees"
        columns={[
          { title: t('customer.code'), dataIndex: 'code' },
          { title: t('customer.name'), dataIndex: 'name' },
          { title: t('customer.priority'), dataIndex: 'priority' },
          { title: t('alloc.funds'), dataIndex: 'funds', align: 'right' },
          { title: t('alloc.credit'), dataIndex: 'credit', align: 'right' },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_: unknown, b) => (
              <Space>
                <Button
                  size="small"
                  onClick={async () =>
                    setLedger({ who: b, rows: await api.get<LedgerRow[]>(`/api/franchisees/${b.customerId}/ledger`) })
                  }
                >
                  {t('alloc.ledger')}
                </Button>
                {finance && (
                  <Button size="small" type="primary" onClick={() => setEditing(b)}>
                    {t('alloc.setMoney')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <FormModal<{ funds: string; credit: string; reason: string }>
        open={!!editing}
        title={`${t('alloc.setMoney')} ${editing?.code ?? ''}`}
        initial={editing && { funds: editing.funds, credit: editing.credit }}
        onClose={() => setEditing(undefined)}
        onSubmit={async (v) => {
          const r = await api.post<{ converted: number }>(`/api/franchisees/${editing!.customerId}/money`, v);
          if (r.converted) message.info(`${t('alloc.reserved')} → ${t('alloc.ship')}: ${r.converted}`);
        }}
        onSaved={() => {
          setEditing(undefined);
          void load();
        }}
      >
        {() => (
          <>
            <Form.Item name="funds" label={t('alloc.funds')} rules={[{ required: true }, moneyRule]}>
              <Input />
            </Form.Item>
            <Form.Item name="credit" label={t('alloc.credit')} rules={[{ required: true }, moneyRule]}>
              <Input />
            </Form.Item>
            <Form.Item name="reason" label={t('order.reason')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          </>
        )}
      </FormModal>
      <Drawer
        open={!!ledger}
        size="large"
        title={`${t('alloc.ledger')} ${ledger?.who.code ?? ''}`}
        onClose={() => setLedger(undefined)}
      >
        <Table<LedgerRow>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={ledger?.rows}
          columns={[
            { title: t('stock.at'), dataIndex: 'at', render: (a: string) => new Date(a).toLocaleString() },
            { title: t('stock.kind'), dataIndex: 'kind' },
            { title: t('alloc.funds'), dataIndex: 'fundsDelta', align: 'right' },
            { title: t('alloc.credit'), dataIndex: 'creditDelta', align: 'right' },
            { title: t('order.reason'), dataIndex: 'reason' },
            { title: t('stock.by'), dataIndex: 'actorName' },
          ]}
        />
      </Drawer>
    </>
  );
}
