import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportApi } from '../../api/exportTrade';
import { financeApi } from '../../api/finance';
import { RemoteSelect } from '../../components/RemoteSelect';
import { moneyRule } from '../../components/forms';
import { companyToday } from '../../format';
import { useCurrencies } from '../order-form/currencies';

type Kind = 'lc' | 'inspection';
type Values = Record<string, string | undefined>;

/** The two things the documents clerk records on the 外贸 page: a letter of credit received, an inspection booked. */
export function ExportDialogs({ canLc, canBook, onDone }: { canLc: boolean; canBook: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState<Kind>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const currencies = useCurrencies();
  const lines = (s?: string) =>
    (s ?? '')
      .split(/[\n;；]/)
      .map((x) => x.trim())
      .filter(Boolean);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      if (open === 'lc')
        await exportApi.receiveLc({
          orderId: v.orderId!,
          number: v.number!,
          receivedOn: v.receivedOn!,
          amount: v.amount!,
          currency: v.currency!,
          expiryDate: v.expiryDate!,
          latestShipmentDate: v.latestShipmentDate!,
          documentsRequired: lines(v.documents),
        });
      else
        await exportApi.book({
          orderId: v.orderId!,
          bookedFor: v.bookedFor!,
          inspector: v.inspector ?? '',
          note: v.note ?? '',
        });
      setOpen(undefined);
      form.resetFields();
      onDone();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const date = (name: string, label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      <Input type="date" data-testid={`export-${name}`} />
    </Form.Item>
  );
  return (
    <>
      {canLc && (
        <Button type="primary" onClick={() => setOpen('lc')} data-testid="export-receive-lc">
          {t('exportPage.receiveLc')}
        </Button>
      )}
      {canBook && (
        <Button onClick={() => setOpen('inspection')} data-testid="export-book-inspection">
          {t('exportPage.book')}
        </Button>
      )}
      <Modal
        open={!!open}
        title={open === 'lc' ? t('exportPage.receiveLc') : t('exportPage.book')}
        onCancel={() => setOpen(undefined)}
        onOk={submit}
        okButtonProps={{ loading: busy }}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ receivedOn: companyToday(), currency: 'USD', bookedFor: companyToday() }}
        >
          <Form.Item name="orderId" label={t('order.number')} rules={[{ required: true }]}>
            <RemoteSelect<{ id: string; number: string; customer?: { name: string } }>
              url={financeApi.ordersUrl}
              label={(o) => `${o.number} ${o.customer?.name ?? ''}`.trim()}
              testId="export-order"
              style={{ width: '100%' }}
            />
          </Form.Item>
          {open === 'lc' ? (
            <>
              <Form.Item name="number" label={t('exportPage.lcNo')} rules={[{ required: true }]}>
                <Input maxLength={60} data-testid="export-lc-number" />
              </Form.Item>
              {date('receivedOn', t('exportPage.receivedOn'))}
              <Form.Item name="currency" label={t('exportOrder.currency')} rules={[{ required: true }]}>
                <Select options={currencies.options} />
              </Form.Item>
              <Form.Item name="amount" label={t('ful.amount')} rules={[{ required: true }, moneyRule]}>
                <Input data-testid="export-lc-amount" />
              </Form.Item>
              {date('latestShipmentDate', t('ful.latestShipment'))}
              {date('expiryDate', t('ful.expiry'))}
              <Form.Item name="documents" label={t('exportPage.documentsRequired')}>
                <Input.TextArea rows={3} placeholder={t('exportPage.documentsHint')} />
              </Form.Item>
            </>
          ) : (
            <>
              {date('bookedFor', t('exportPage.bookedFor'))}
              <Form.Item name="inspector" label={t('exportPage.inspector')}>
                <Input maxLength={100} data-testid="export-inspector" />
              </Form.Item>
              <Form.Item name="note" label={t('exportPage.note')}>
                <Input maxLength={500} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
