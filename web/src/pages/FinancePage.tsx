import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { api, withQuery } from '../api/client';
import type { Customer } from '../api/types';
import { RemoteSelect } from '../components/RemoteSelect';
import { moneyRule } from '../components/forms';
import { useSession } from '../auth/session';
import { OrderQueue } from './OrderQueue';
import { CreditRequestTable, type CreditChangeRequest } from './CustomerCredit';

type Receipt = {
  id: string;
  customerName: string;
  amount: string;
  receivedOn: string;
  method: string;
  reference: string;
  reversesId: string | null;
};
type Receivable = {
  id: string;
  customerName: string;
  orderId: string | null;
  orderNumber: string | null;
  amount: string;
  outstanding: string;
  dueDate: string;
  daysOverdue: number;
  bucket: string;
};
type Aging = {
  customerId: string;
  customerName: string;
  total: string;
  not_due: string;
  '0-30': string;
  '31-60': string;
  '61-90': string;
  '>90': string;
};
type LetterOfCredit = {
  id: string;
  orderId: string;
  orderNumber: string;
  customerName: string;
  number: string;
  amount: string;
  expiryDate: string;
  latestShipmentDate: string;
  checkedBy: string;
  valid: boolean;
};
type Issued = {
  id: string;
  customerId: string;
  customerName: string;
  period: string;
  from: string;
  to: string;
  amount: string;
  dueDate: string;
  closingBalance: string;
  issuedAt: string;
};
type Invoice = {
  id: string;
  orderId: string;
  orderNumber: string;
  customerName: string;
  number: string;
  issuedOn: string;
  amount: string;
  taxRate: string;
  type: string;
  outboundVoucher: string;
};
type Statement = {
  opening: string;
  closing: string;
  lines: { date: string; kind: string; reference: string; debit: string; credit: string; balance: string }[];
};

/** 财务: receipts and reversals, receivables with aging, statements of account. */
export function FinancePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [receipts, setReceipts] = useState<Receipt[]>([]);
  const [receivables, setReceivables] = useState<Receivable[]>([]);
  const [aging, setAging] = useState<Aging[]>([]);
  const [lcs, setLcs] = useState<LetterOfCredit[]>([]);
  const [issued, setIssued] = useState<Issued[]>([]);
  const [invoices, setInvoices] = useState<Invoice[]>([]);
  const [creditRequests, setCreditRequests] = useState<CreditChangeRequest[]>([]);
  const [recording, setRecording] = useState(false);
  const [statement, setStatement] = useState<{ customer?: string; range?: [Dayjs, Dayjs]; data?: Statement }>({});
  const [form] = Form.useForm();
  const load = useCallback(async () => {
    setReceipts(await api.get<Receipt[]>('/api/receipts'));
    setReceivables(await api.get<Receivable[]>('/api/receivables', { open: 'true' }));
    setAging(await api.get<Aging[]>('/api/receivables/aging'));
    setLcs(await api.get<LetterOfCredit[]>('/api/letters-of-credit'));
    setIssued(await api.get<Issued[]>('/api/statements'));
    setInvoices(await api.get<Invoice[]>('/api/invoices'));
    setCreditRequests(await api.get<CreditChangeRequest[]>('/api/credit-change-requests', { status: 'pending' }));
  }, []);
  useEffect(() => void load(), [load]);
  const range = statement.range && {
    from: statement.range[0].format('YYYY-MM-DD'),
    to: statement.range[1].format('YYYY-MM-DD'),
  };
  const finance = can('finance');

  return (
    <>
      <Typography.Title level={4}>{t('menu.finance')}</Typography.Title>
      <Tabs
        items={[
          { key: 'queue', label: t('ful.ordersAwaitingMoney'), children: <OrderQueue queue="finance" /> },
          {
            key: 'credit',
            label: `${t('credit.pendingTitle')} (${creditRequests.length})`,
            children: <CreditRequestTable requests={creditRequests} onDecided={load} showCustomer />,
          },
          {
            key: 'receipts',
            label: t('ful.receipts'),
            children: (
              <>
                {finance && (
                  <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setRecording(true)}>
                    {t('ful.recordReceipt')}
                  </Button>
                )}
                <Table<Receipt>
                  rowKey="id"
                  size="middle"
                  dataSource={receipts}
                  columns={[
                    { title: t('order.customer'), dataIndex: 'customerName' },
                    { title: t('ful.amount'), dataIndex: 'amount', align: 'right' },
                    { title: t('stock.at'), dataIndex: 'receivedOn' },
                    { title: t('stock.reference'), dataIndex: 'reference' },
                    ...(finance
                      ? [
                          {
                            title: t('common.actions'),
                            key: 'a',
                            render: (_: unknown, r: Receipt) =>
                              !r.reversesId &&
                              !Number(r.amount.startsWith('-')) && (
                                <Button
                                  size="small"
                                  danger
                                  onClick={async () => {
                                    try {
                                      await api.post(`/api/receipts/${r.id}/reverse`, { reason: '冲销 Reversal' });
                                      await load();
                                    } catch (e) {
                                      message.error((e as Error).message);
                                    }
                                  }}
                                >
                                  {t('ful.reverse')}
                                </Button>
                              ),
                          },
                        ]
                      : []),
                  ]}
                />
              </>
            ),
          },
          {
            key: 'aging',
            label: t('ful.aging'),
            children: (
              <Table<Aging>
                rowKey="customerId"
                size="middle"
                dataSource={aging}
                columns={[
                  { title: t('order.customer'), dataIndex: 'customerName' },
                  { title: t('ful.notDue'), dataIndex: 'not_due', align: 'right' },
                  ...(['0-30', '31-60', '61-90', '>90'] as const).map((b) => ({
                    title: b,
                    dataIndex: b,
                    align: 'right' as const,
                  })),
                  { title: t('order.total'), dataIndex: 'total', align: 'right' },
                ]}
              />
            ),
          },
          {
            key: 'receivables',
            label: t('ful.receivables'),
            children: (
              <Table<Receivable>
                rowKey="id"
                size="middle"
                dataSource={receivables}
                columns={[
                  { title: t('order.customer'), dataIndex: 'customerName' },
                  {
                    title: t('order.number'),
                    dataIndex: 'orderNumber',
                    render: (n: string, r) => r.orderId && <Link to={`/orders/${r.orderId}`}>{n}</Link>,
                  },
                  { title: t('ful.amount'), dataIndex: 'amount', align: 'right' },
                  { title: t('ful.outstanding'), dataIndex: 'outstanding', align: 'right' },
                  { title: t('ful.due'), dataIndex: 'dueDate' },
                  {
                    title: t('ful.aging'),
                    dataIndex: 'bucket',
                    render: (b: string) => <Tag color={b === 'not_due' ? 'green' : 'red'}>{b}</Tag>,
                  },
                ]}
              />
            ),
          },
          {
            key: 'statement',
            label: t('ful.statement'),
            children: (
              <>
                <Space style={{ marginBottom: 12 }} wrap>
                  <RemoteSelect<Customer>
                    url="/api/customers"
                    label={(c) => `${c.shortCode} ${c.name}`}
                    value={statement.customer}
                    onChange={(v) => setStatement({ ...statement, customer: v })}
                  />
                  <DatePicker.RangePicker
                    onChange={(v) => setStatement({ ...statement, range: v as [Dayjs, Dayjs] })}
                  />
                  <Button
                    disabled={!statement.customer || !range}
                    onClick={async () =>
                      setStatement({
                        ...statement,
                        data: await api.get<Statement>(`/api/customers/${statement.customer}/statement`, range),
                      })
                    }
                  >
                    {t('alloc.preview')}
                  </Button>
                  {statement.customer && range && (
                    <Button
                      href={withQuery(`/api/customers/${statement.customer}/statement`, { ...range, format: 'xlsx' })}
                    >
                      {t('common.export')}
                    </Button>
                  )}
                  {statement.customer && range && (
                    <Button
                      href={withQuery(`/api/customers/${statement.customer}/statement`, { ...range, format: 'html' })}
                      target="_blank"
                    >
                      {t('common.print')}
                    </Button>
                  )}
                </Space>
                {statement.data && (
                  <Table
                    size="small"
                    rowKey={(_, i) => String(i)}
                    pagination={false}
                    dataSource={statement.data.lines}
                    title={() =>
                      `${t('ful.from')} ¥${statement.data!.opening} → ${t('ful.to')} ¥${statement.data!.closing}`
                    }
                    columns={[
                      { title: t('stock.at'), dataIndex: 'date' },
                      { title: t('stock.kind'), dataIndex: 'kind' },
                      { title: t('stock.reference'), dataIndex: 'reference' },
                      { title: '借 Debit', dataIndex: 'debit', align: 'right' },
                      { title: '贷 Credit', dataIndex: 'credit', align: 'right' },
                      { title: '余额 Balance', dataIndex: 'balance', align: 'right' },
                    ]}
                  />
                )}
              </>
            ),
          },
          {
            key: 'statements',
            label: t('ful.statements'),
            children: (
              <Table<Issued>
                rowKey="id"
                size="middle"
                dataSource={issued}
                data-testid="issued-statements"
                columns={[
                  { title: t('ful.period'), dataIndex: 'period' },
                  { title: t('order.customer'), dataIndex: 'customerName' },
                  { title: t('ful.amount'), dataIndex: 'amount', align: 'right' },
                  { title: t('ful.closingBalance'), dataIndex: 'closingBalance', align: 'right' },
                  { title: t('ful.due'), dataIndex: 'dueDate' },
                  {
                    title: t('ful.issuedAt'),
                    dataIndex: 'issuedAt',
                    render: (d: string) => new Date(d).toLocaleString(),
                  },
                  {
                    title: '',
                    key: 'p',
                    render: (_: unknown, r) => (
                      <Button
                        size="small"
                        href={`/api/customers/${r.customerId}/statement?from=${r.from}&to=${r.to}&format=html`}
                        target="_blank"
                      >
                        {t('common.print')}
                      </Button>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'invoices',
            label: t('ful.invoices'),
            children: (
              <Table<Invoice>
                rowKey="id"
                size="middle"
                dataSource={invoices}
                data-testid="invoices"
                columns={[
                  { title: t('ful.invoiceNo'), dataIndex: 'number' },
                  {
                    title: t('order.number'),
                    dataIndex: 'orderNumber',
                    render: (n: string, r) => <Link to={`/orders/${r.orderId}`}>{n}</Link>,
                  },
                  { title: t('order.customer'), dataIndex: 'customerName' },
                  { title: t('stock.at'), dataIndex: 'issuedOn' },
                  { title: t('ful.amount'), dataIndex: 'amount', align: 'right' },
                  { title: t('ful.taxRate'), dataIndex: 'taxRate', align: 'right' },
                  {
                    title: t('ful.invoiceType'),
                    dataIndex: 'type',
                    render: (x: string) => ({ normal: '普票', special: '专票', digital: '数电票' })[x] ?? x,
                  },
                  { title: t('ful.outboundVoucher'), dataIndex: 'outboundVoucher' },
                ]}
              />
            ),
          },
          {
            key: 'lc',
            label: t('ful.lcRecords'),
            children: (
              <Table<LetterOfCredit>
                rowKey="id"
                size="middle"
                dataSource={lcs}
                data-testid="letters-of-credit"
                columns={[
                  { title: t('ful.lcNo'), dataIndex: 'number' },
                  {
                    title: t('order.number'),
                    dataIndex: 'orderNumber',
                    render: (n: string, r) => <Link to={`/orders/${r.orderId}`}>{n}</Link>,
                  },
                  { title: t('order.customer'), dataIndex: 'customerName' },
                  { title: t('ful.amount'), dataIndex: 'amount', align: 'right' },
                  { title: t('ful.expiry'), dataIndex: 'expiryDate' },
                  { title: t('ful.latestShipment'), dataIndex: 'latestShipmentDate' },
                  { title: t('ful.checkedBy'), dataIndex: 'checkedBy' },
                  {
                    title: t('order.status'),
                    dataIndex: 'valid',
                    render: (v: boolean) => <Tag color={v ? 'green' : 'red'}>{t(v ? 'ful.valid' : 'ful.invalid')}</Tag>,
                  },
                ]}
              />
            ),
          },
        ]}
      />
      <Modal
        open={recording}
        title={t('ful.recordReceipt')}
        onCancel={() => setRecording(false)}
        destroyOnHidden
        onOk={async () => {
          const v = await form.validateFields();
          try {
            await api.post('/api/receipts', {
              customerId: v.customerId,
              amount: v.amount,
              receivedOn: v.receivedOn,
              method: v.method,
              reference: v.reference ?? '',
              applications: v.orderId ? [{ orderId: v.orderId, amount: v.applyAmount ?? v.amount }] : [],
            });
            setRecording(false);
            form.resetFields();
            await load();
          } catch (e) {
            message.error((e as Error).message);
          }
        }}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ method: 'bank_transfer', receivedOn: new Date().toISOString().slice(0, 10) }}
        >
          <Form.Item name="customerId" label={t('order.customer')} rules={[{ required: true }]}>
            <RemoteSelect<Customer> url="/api/customers" label={(c) => `${c.shortCode} ${c.name}`} />
          </Form.Item>
          <Form.Item name="amount" label={t('ful.amount')} rules={[{ required: true }, moneyRule]}>
            <Input />
          </Form.Item>
          <Form.Item name="receivedOn" label={t('stock.at')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="method" label={t('ful.receiptMethod')}>
            <Select
              options={['bank_transfer', 'cash', 'cheque', 'lc', 'online', 'other'].map((m) => ({
                value: m,
                label: t(`ful.method.${m}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="reference" label={t('stock.reference')}>
            <Input />
          </Form.Item>
          <Form.Item name="orderId" label={t('ful.applyTo')}>
            <RemoteSelect<{ id: string; number: string }> url="/api/orders" label={(o) => o.number} />
          </Form.Item>
          <Form.Item name="applyAmount" label={`${t('ful.applyTo')} ${t('ful.amount')}`} rules={[moneyRule]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
