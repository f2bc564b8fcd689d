import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customersApi } from '../../api/customers';
import { financeApi, type Receipt } from '../../api/finance';
import type { Customer } from '../../api/types';
import { RemoteSelect } from '../../components/RemoteSelect';
import { moneyRule } from '../../components/forms';
import { ServerTable } from '../../components/ServerTable';
import { FinanceFilters, type FinanceQuery } from './FinanceFilters';
import { companyToday, moneyWithRmb } from '../../format';
import { useCurrencies } from '../order-form/currencies';

const METHODS = ['bank_transfer', 'cash', 'cheque', 'lc', 'online', 'other'];

/** 收款: receipts and their reversals; finance records a receipt (applied to an order or not). */
export function ReceiptsTab({
  version,
  finance,
  onChanged,
}: {
  version: number;
  finance: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<FinanceQuery>({});
  const [recording, setRecording] = useState(false);
  const [form] = Form.useForm();
  const currencies = useCurrencies();
  const currency = Form.useWatch('currency', form) ?? 'CNY';

  return (
    <>
      <FinanceFilters
        value={filter}
        onChange={setFilter}
        testId="receipts"
        kind={{
          key: 'method',
          placeholder: t('lists.method'),
          options: METHODS.map((m) => ({ value: m, label: t(`ful.method.${m}`) })),
        }}
      >
        {finance && (
          <Button type="primary" onClick={() => setRecording(true)}>
            {t('ful.recordReceipt')}
          </Button>
        )}
      </FinanceFilters>
      <ServerTable<Receipt>
        url={financeApi.receiptsUrl}
        rowKey="id"
        filters={filter}
        exportUrl={financeApi.receiptsExportUrl({})}
        exportFiltered
        reloadKey={version}
        testId="receipts"
        empty={t('lists.receiptsEmpty')}
        columns={[
          { title: t('order.customer'), dataIndex: 'customerName' },
          {
            title: t('ful.amount'),
            dataIndex: 'amount',
            align: 'right',
            render: (v: string, r) => moneyWithRmb(v, r.currency, r.amountRmb),
          },
          { title: t('stock.at'), dataIndex: 'receivedOn' },
          { title: t('lists.method'), dataIndex: 'method', render: (m: string) => t(`ful.method.${m}`) },
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
                            await financeApi.reverseReceipt(r.id, t('cleanup.reversalReason'));
                            onChanged();
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
      <Modal
        open={recording}
        title={t('ful.recordReceipt')}
        onCancel={() => setRecording(false)}
        destroyOnHidden
        onOk={async () => {
          const v = await form.validateFields();
          try {
            await financeApi.recordReceipt({
              customerId: v.customerId,
              amount: v.amount,
              ...(v.currency && v.currency !== 'CNY'
                ? { currency: v.currency, ...(v.exchangeRate ? { exchangeRate: v.exchangeRate } : {}) }
                : {}),
              receivedOn: v.receivedOn,
              method: v.method,
              reference: v.reference ?? '',
              applications: v.orderId ? [{ orderId: v.orderId, amount: v.applyAmount ?? v.amount }] : [],
            });
            setRecording(false);
            form.resetFields();
            onChanged();
          } catch (e) {
            message.error((e as Error).message);
          }
        }}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ method: 'bank_transfer', currency: 'CNY', receivedOn: companyToday() }}
        >
          <Form.Item name="customerId" label={t('order.customer')} rules={[{ required: true }]}>
            <RemoteSelect<Customer> url={customersApi.listUrl} label={(c) => `${c.shortCode} ${c.name}`} />
          </Form.Item>
          <Form.Item name="currency" label={t('exportOrder.currency')}>
            <Select options={currencies.options} />
          </Form.Item>
          <Form.Item name="amount" label={t('ful.amount')} rules={[{ required: true }, moneyRule]}>
            <Input />
          </Form.Item>
          {currency !== 'CNY' && (
            <Form.Item
              name="exchangeRate"
              label={t('exportOrder.rate')}
              extra={t('exportOrder.receiptRateNote')}
              rules={[{ pattern: /^\d{1,12}(\.\d{1,6})?$/, message: '7.123456' }]}
            >
              <Input />
            </Form.Item>
          )}
          <Form.Item name="receivedOn" label={t('stock.at')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="method" label={t('ful.receiptMethod')}>
            <Select
              options={METHODS.map((m) => ({
                value: m,
                label: t(`ful.method.${m}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="reference" label={t('stock.reference')}>
            <Input />
          </Form.Item>
          <Form.Item name="orderId" label={t('ful.applyTo')}>
            <RemoteSelect<{ id: string; number: string }> url={financeApi.ordersUrl} label={(o) => o.number} />
          </Form.Item>
          <Form.Item name="applyAmount" label={`${t('ful.applyTo')} ${t('ful.amount')}`} rules={[moneyRule]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
