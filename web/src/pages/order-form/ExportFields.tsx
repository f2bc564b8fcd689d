import { Form, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { addTexts } from '../../i18n';
import * as exportTexts from '../export-texts';
import { useCurrencies } from './currencies';

addTexts(exportTexts);

const TRADE_TERMS = ['EXW', 'FCA', 'FAS', 'FOB', 'CFR', 'CIF', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP'];
const CONTAINERS = ['20GP', '40GP', '40HQ', '45HQ', 'LCL'];

/** 外贸: currency (the rate of the order date is taken on saving and shown read-only), trade term, ports, containers. */
export function ExportFields({ rate }: { rate?: string }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const currencies = useCurrencies();
  const currency = Form.useWatch('currency', form) ?? 'CNY';
  const isExport = Form.useWatch('export', form);
  const shown = isExport || currency !== 'CNY';
  return (
    <>
      <Space wrap align="start">
        <Form.Item name="export" label={t('exportOrder.isExport')} valuePropName="checked">
          <Switch data-testid="order-export" />
        </Form.Item>
        <Form.Item name="currency" label={t('exportOrder.currency')} initialValue="CNY">
          <Select style={{ width: 170 }} options={currencies.options} data-testid="order-currency" />
        </Form.Item>
        {currency !== 'CNY' && (
          <Form.Item label={t('exportOrder.rate')}>
            <Typography.Text data-testid="order-rate">{rate ?? t('exportOrder.rateNote')}</Typography.Text>
          </Form.Item>
        )}
      </Space>
      {shown && (
        <Space wrap align="start" data-testid="order-export-fields">
          <Form.Item name="tradeTerm" label={t('exportOrder.tradeTerm')}>
            <Select allowClear style={{ width: 110 }} options={TRADE_TERMS.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item name="portOfLoading" label={t('exportOrder.portOfLoading')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="portOfDestination" label={t('exportOrder.portOfDestination')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="containerType" label={t('exportOrder.containerType')}>
            <Select allowClear style={{ width: 110 }} options={CONTAINERS.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item name="containerCount" label={t('exportOrder.containerCount')}>
            <InputNumber min={0} max={999} precision={0} />
          </Form.Item>
        </Space>
      )}
    </>
  );
}
