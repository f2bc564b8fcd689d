import { useCallback, useEffect, useState } from 'react';
import { Button, Form, Input, Space, Table, Tabs, Tag, message } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';
import { useSession } from '../auth/session';
import { exportApi, type ExchangeRate, type Inspection, type Lc } from '../api/exportTrade';
import { addTexts } from '../i18n';
import * as exportTexts from './export-texts';
import { money } from '../format';
import { ExportDialogs } from './export/ExportDialogs';

addTexts(exportTexts);

const COLORS: Record<string, string> = {
  checked_ok: 'green',
  discrepant: 'red',
  received: 'blue',
  passed: 'green',
  failed: 'red',
  booked: 'blue',
  waived: 'orange',
};

/** 外贸: letters of credit (check, discrepancies, amend), inspections (result, waiver) and exchange rates. */
export function ExportPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [lcs, setLcs] = useState<Lc[]>([]);
  const [inspections, setInspections] = useState<Inspection[]>([]);
  const [rates, setRates] = useState<ExchangeRate[]>([]);
  const reload = useCallback(() => {
    void exportApi.lcs().then(setLcs);
    void exportApi.inspections().then(setInspections);
    void exportApi.rates().then(setRates);
  }, []);
  useEffect(reload, [reload]);
  const act = (p: Promise<unknown>) => void p.then(reload).catch((e: Error) => void message.error(e.message));
  const ask = (label: string) => window.prompt(label)?.trim();
  /** Whether the order may ship today (the L/C's current version, then its inspection), and why not. */
  const gateColumn = {
    title: t('exportPage.shipGate'),
    key: 'shipGate',
    render: (_: unknown, r: Lc | Inspection) =>
      r.shipGate.blocked ? (
        <span data-testid={`ship-gate-${r.orderNumber}`}>
          <Tag color="red">{t('exportPage.gateBlocked')}</Tag>
          {r.shipGate.reason}
        </span>
      ) : (
        <Tag color="green" data-testid={`ship-gate-${r.orderNumber}`}>
          {t('exportPage.gateOpen')}
        </Tag>
      ),
  };

  const lcTab = (
    <Table<Lc>
      rowKey="id"
      size="middle"
      dataSource={lcs}
      data-testid="export-lcs"
      columns={[
        { title: t('exportPage.lcNo'), dataIndex: 'number' },
        {
          title: t('order.number'),
          dataIndex: 'orderNumber',
          render: (n: string, r) => <Link to={`/orders/${r.orderId}`}>{n}</Link>,
        },
        { title: t('exportPage.version'), dataIndex: 'version', render: (v: number) => `V${v}` },
        { title: t('ful.amount'), align: 'right', render: (_, r) => money(r.amount, r.currency) },
        { title: t('ful.latestShipment'), dataIndex: 'latestShipmentDate' },
        { title: t('ful.expiry'), dataIndex: 'expiryDate' },
        { title: t('exportPage.discrepancies'), dataIndex: 'discrepancies', render: (d: string[]) => d.join('；') },
        {
          title: t('order.status'),
          dataIndex: 'status',
          render: (s: string) => <Tag color={COLORS[s]}>{t(`exportPage.lcStatus.${s}`)}</Tag>,
        },
        gateColumn,
        {
          title: '',
          render: (_, r) => (
            <Space>
              {r.status === 'received' && (
                <>
                  <Button size="small" onClick={() => act(exportApi.checkLc(r.id, []))}>
                    {t('exportPage.checkOk')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() => {
                      const d = ask(t('exportPage.discrepancies'));
                      if (d)
                        act(
                          exportApi.checkLc(
                            r.id,
                            d
                              .split(/[;；\n]/)
                              .map((x) => x.trim())
                              .filter(Boolean),
                          ),
                        );
                    }}
                  >
                    {t('exportPage.discrepant')}
                  </Button>
                </>
              )}
              <Button
                size="small"
                onClick={() => {
                  const note = ask(t('exportPage.amendNote'));
                  if (note !== undefined) act(exportApi.amendLc(r.id, { note }));
                }}
              >
                {t('exportPage.amend')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );

  const inspectionTab = (
    <Table<Inspection>
      rowKey="id"
      size="middle"
      dataSource={inspections}
      data-testid="export-inspections"
      columns={[
        {
          title: t('order.number'),
          dataIndex: 'orderNumber',
          render: (n: string, r) => <Link to={`/orders/${r.orderId}`}>{n}</Link>,
        },
        { title: t('exportPage.bookedFor'), dataIndex: 'bookedFor' },
        { title: t('exportPage.inspector'), dataIndex: 'inspector' },
        {
          title: t('order.status'),
          dataIndex: 'status',
          render: (s: string) => <Tag color={COLORS[s]}>{t(`exportPage.inspectionStatus.${s}`)}</Tag>,
        },
        { title: t('exportPage.note'), render: (_, r) => r.waiveReason ?? r.note },
        gateColumn,
        {
          title: '',
          render: (_, r) => (
            <Space>
              {r.status === 'booked' && (
                <>
                  <Button size="small" onClick={() => act(exportApi.result(r.id, 'passed', ''))}>
                    {t('exportPage.pass')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() => act(exportApi.result(r.id, 'failed', ask(t('exportPage.note')) ?? ''))}
                  >
                    {t('exportPage.fail')}
                  </Button>
                </>
              )}
              {r.status === 'failed' && can('general_manager') && (
                <Button
                  size="small"
                  onClick={() => {
                    const reason = ask(t('exportPage.waiveReason'));
                    if (reason) act(exportApi.waive(r.orderId, reason));
                  }}
                >
                  {t('exportPage.waive')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );

  const ratesTab = (
    <>
      {(can('admin') || can('finance')) && (
        <Form
          layout="inline"
          onFinish={(v: { currency: string; rateDate: string; rate: string }) => act(exportApi.setRate(v))}
          style={{ marginBottom: 16 }}
        >
          <Form.Item name="currency" label={t('exportOrder.currency')} rules={[{ required: true }]}>
            <Input style={{ width: 80 }} maxLength={3} />
          </Form.Item>
          <Form.Item name="rateDate" label={t('exportPage.rateDate')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="rate" label={t('exportOrder.rate')} rules={[{ required: true }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Button htmlType="submit" type="primary">
            {t('common.save')}
          </Button>
        </Form>
      )}
      <Table<ExchangeRate>
        rowKey={(r) => `${r.currency}-${r.rateDate}`}
        size="middle"
        dataSource={rates}
        data-testid="export-rates"
        columns={[
          { title: t('exportOrder.currency'), dataIndex: 'currency' },
          { title: t('exportPage.rateDate'), dataIndex: 'rateDate' },
          { title: t('exportOrder.rate'), dataIndex: 'rate', align: 'right' },
        ]}
      />
    </>
  );

  return (
    <>
      <PageHeader
        title={t('menu.export')}
        extra={
          <ExportDialogs
            canLc={can('documents_clerk', 'finance')}
            canBook={can('sales_assistant', 'order_admin', 'documents_clerk', 'warehouse')}
            onDone={reload}
          />
        }
      />
      <Tabs
        items={[
          { key: 'lc', label: t('exportPage.lcs'), children: lcTab },
          { key: 'inspections', label: t('exportPage.inspections'), children: inspectionTab },
          { key: 'rates', label: t('exportPage.rates'), children: ratesTab },
        ]}
      />
    </>
  );
}
