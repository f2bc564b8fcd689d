import { DatePicker, Input, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { contractsApi, type Contract } from '../api/contracts';
import { PageHeader } from '../components/PageHeader';
import { dateTime, yuan } from '../format';
import { ContractStatus } from './contracts/ContractStatus';
import { addTexts } from '../i18n';
import * as contractTexts from './contracts/texts';

addTexts(contractTexts);

const STATUSES = ['draft', 'in_review', 'approved', 'signed', 'completed', 'closed'] as const;
const PAGE_SIZE = 20;

/** 销售合同: every contract, searched by number, customer or PO, status and drafting date. */
export function ContractsPage() {
  const { t } = useTranslation();
  const [items, setItems] = useState<Contract[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [q, setQ] = useState<string>();
  const [status, setStatus] = useState<(typeof STATUSES)[number]>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const load = useCallback(async () => {
    const r = await contractsApi.list({
      page,
      pageSize: PAGE_SIZE,
      ...(q ? { q } : {}),
      ...(status ? { status } : {}),
      ...(range?.[0] ? { from: range[0].format('YYYY-MM-DD') } : {}),
      ...(range?.[1] ? { to: range[1].format('YYYY-MM-DD') } : {}),
    });
    setItems(r.items);
    setTotal(r.total);
  }, [page, q, status, range]);
  useEffect(() => void load(), [load]);

  return (
    <>
      <PageHeader title={t('contracts.contracts')} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          style={{ width: 260 }}
          placeholder={t('contracts.search')}
          onSearch={(v) => {
            setPage(1);
            setQ(v || undefined);
          }}
          data-testid="contracts-search"
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('order.status')}
          value={status}
          onChange={(v) => {
            setPage(1);
            setStatus(v);
          }}
          options={STATUSES.map((s) => ({ value: s, label: t(`contracts.status.${s}`) }))}
        />
        <DatePicker.RangePicker
          value={range}
          placeholder={[t('contracts.from'), t('contracts.to')]}
          onChange={(v) => {
            setPage(1);
            setRange(v);
          }}
        />
      </Space>
      <Table<Contract>
        rowKey="id"
        size="middle"
        dataSource={items}
        data-testid="contracts"
        locale={{ emptyText: t('contracts.empty') }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total, onChange: setPage, showSizeChanger: false }}
        columns={[
          {
            title: t('contracts.number'),
            dataIndex: 'number',
            render: (n: string, r) => <Link to={`/contracts/${r.id}`}>{n}</Link>,
          },
          { title: t('contracts.customer'), key: 'c', render: (_: unknown, r) => r.customer.name },
          { title: t('contracts.customerPo'), dataIndex: 'customerPo' },
          { title: t('contracts.total'), dataIndex: 'total', align: 'right', render: (v: string) => yuan(v) },
          { title: t('order.status'), dataIndex: 'status', render: (s: string) => <ContractStatus status={s} /> },
          { title: t('contracts.createdAt'), dataIndex: 'createdAt', render: (v: string) => dateTime(v) },
          { title: t('contracts.signedAt'), dataIndex: 'signedAt', render: (v: string | null) => dateTime(v) },
        ]}
      />
    </>
  );
}
