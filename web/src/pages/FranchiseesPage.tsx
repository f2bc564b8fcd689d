import { App, Button, Drawer, Form, Input, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { franchiseesApi, type FranchiseeBalance as Balance, type LedgerRow } from '../api/franchisees';
import { PageHeader } from '../components/PageHeader';
import { yuan, dateTime } from '../format';
import { FormModal } from '../components/FormModal';
import { ImportButton } from '../components/ImportButton';
import { moneyRule } from '../components/forms';
import { useSession } from '../auth/session';
import { reasonText } from '../codes';

/** 加盟商资金: funds and credit per franchisee (finance updates them daily), each with its ledger. */
export function FranchiseesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [rows, setRows] = useState<Balance[]>([]);
  const [editing, setEditing] = useState<Balance>();
  const [ledger, setLedger] = useState<{ who: Balance; rows: LedgerRow[] }>();
  const load = useCallback(async () => setRows(await franchiseesApi.list()), []);
  useEffect(() => void load(), [load]);
  const finance = can('finance');

  return (
    <>
      <PageHeader
        extra={
          <>
            {finance && <ImportButton url={franchiseesApi.importUrl} onDone={load} />}
            <Button href={franchiseesApi.exportUrl()}>{t('common.export')}</Button>
          </>
        }
      />
      <Table<Balance>
        rowKey="customerId"
        dataSource={rows}
        size="middle"
        data-testid="franchisees"
        locale={{ emptyText: t('emptyHint.franchisees') }}
        columns={[
          { title: t('customer.code'), dataIndex: 'code' },
          { title: t('customer.name'), dataIndex: 'name' },
          { title: t('customer.priority'), dataIndex: 'priority' },
          { title: t('alloc.funds'), dataIndex: 'funds', align: 'right', render: (v: string) => yuan(v) },
          { title: t('alloc.credit'), dataIndex: 'credit', align: 'right', render: (v: string) => yuan(v) },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_: unknown, b) => (
              <Space>
                <Button
                  size="small"
                  onClick={async () => setLedger({ who: b, rows: await franchiseesApi.ledger(b.customerId) })}
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
          const r = await franchiseesApi.setMoney(editing!.customerId, v);
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
            { title: t('stock.at'), dataIndex: 'at', render: (a: string) => dateTime(a) },
            { title: t('stock.kind'), dataIndex: 'kind', render: (k: string) => t(`codes.ledgerKind.${k}`) },
            { title: t('alloc.funds'), dataIndex: 'fundsDelta', align: 'right', render: (v: string) => yuan(v) },
            { title: t('alloc.credit'), dataIndex: 'creditDelta', align: 'right', render: (v: string) => yuan(v) },
            { title: t('order.reason'), key: 'reason', render: (_: unknown, r: LedgerRow) => reasonText(t, r) },
            { title: t('stock.by'), dataIndex: 'actorName' },
          ]}
        />
      </Drawer>
    </>
  );
}
