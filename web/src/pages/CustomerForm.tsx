import {
  Button,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Switch,
  Typography,
  Upload,
  App,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { attachmentsApi } from '../api/attachments';
import { customersApi, type CustomerInput } from '../api/customers';
import { MESSAGE_CHANNELS } from '../api/messages';
import type { Customer } from '../api/types';
import { moneyRule, showServerErrors } from '../components/forms';
import { CustomerCredit } from './CustomerCredit';
import { useSession } from '../auth/session';
import { backLink } from './order-detail/customerLink';
import { addTexts } from '../i18n';
import * as interestTexts from './finance/overdue-interest-texts';

addTexts(interestTexts);

const KINDS = ['ordinary', 'franchisee', 'direct', 'joint'];
const PAYMENTS = ['prepaid', 'credit', 'tt', 'lc', 'monthly', 'cod'];
type Doc = { id: string; filename: string; kind: string };
const DOC_KINDS = ['business_licence', 'contact_id', 'qualification'];

/** Create or edit a customer; validates as you type, then shows the server's field errors in place. */
export function CustomerForm({
  customer,
  open,
  onClose,
  onSaved,
}: {
  customer?: Customer;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [docs, setDocs] = useState<Doc[]>([]);
  const [saving, setSaving] = useState(false);
  const [docKind, setDocKind] = useState(DOC_KINDS[0]);
  const { can } = useSession();
  // Opened from an order whose review lacks a qualification document: show the upload and the way back.
  const [params] = useSearchParams();
  const back = backLink(params);
  const docsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open && customer && params.get('documents'))
      setTimeout(() => docsRef.current?.scrollIntoView({ block: 'center' }), 300);
  }, [open, customer, params]);
  // Credit terms are a credit controller's: of an existing customer by the server's actions, of a new one by the
  // user's duty (others create it with the safe default and then request a change).
  const creditActions = (customer as (Customer & { creditActions?: string[] }) | undefined)?.creditActions ?? [];
  const creditLocked = customer ? !creditActions.includes('change_credit') : !can('credit_controller');

  useEffect(() => {
    form.resetFields();
    if (customer) {
      form.setFieldsValue(customer);
      void customersApi.documents(customer.id).then(setDocs);
    } else {
      form.setFieldsValue({
        kind: 'ordinary',
        paymentMethod: 'prepaid',
        paymentDays: 0,
        creditLimit: '0.00',
        priority: 100,
        contacts: [],
        addresses: [],
      });
      setDocs([]);
    }
  }, [customer, open]);

  const save = async () => {
    const values = await form.validateFields();
    if (!values.creditChangeReason) delete values.creditChangeReason;
    if (!customer && creditLocked) for (const k of ['paymentMethod', 'paymentDays', 'creditLimit']) delete values[k];
    setSaving(true);
    try {
      if (customer) await customersApi.update(customer.id, values);
      else await customersApi.create(values as CustomerInput);
      message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      if (!showServerErrors(form, e)) message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      title={customer ? t('customer.editTitle') : t('customer.newTitle')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={save} data-testid="customer-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" data-testid="customer-form">
        <Space wrap>
          <Form.Item
            name="code"
            label={t('customer.code')}
            rules={[{ required: true }, { pattern: /^[A-Za-z0-9_-]{1,32}$/, message: 'A-Z 0-9 _ -' }]}
          >
            <Input data-testid="customer-code" />
          </Form.Item>
          <Form.Item
            name="shortCode"
            label={t('customer.shortCode')}
            rules={[{ required: true }, { pattern: /^[A-Z0-9]{2,8}$/, message: 'A-Z 0-9 (2–8)' }]}
          >
            <Input data-testid="customer-shortCode" style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <Form.Item name="name" label={t('customer.name')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="customer-name" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="kind" label={t('customer.kind')}>
            <Select
              style={{ width: 140 }}
              options={KINDS.map((k) => ({ value: k, label: t(`enums.customerKind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="region" label={t('customer.region')} rules={[{ max: 50 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="priority" label={t('customer.priority')}>
            <InputNumber min={1} max={9999} precision={0} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="paymentMethod" label={t('customer.paymentMethod')}>
            <Select
              disabled={creditLocked}
              style={{ width: 180 }}
              options={PAYMENTS.map((k) => ({ value: k, label: t(`enums.paymentMethod.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="paymentDays" label={t('customer.paymentDays')}>
            <InputNumber min={0} max={365} precision={0} disabled={creditLocked} />
          </Form.Item>
          <Form.Item name="creditLimit" label={t('customer.creditLimit')} rules={[moneyRule]}>
            <Input style={{ width: 160 }} disabled={creditLocked} data-testid="customer-creditLimit" />
          </Form.Item>
          <Form.Item name="overdueInterestBp" label={t('overdueInterest.rate')} tooltip={t('overdueInterest.rateHint')}>
            <InputNumber min={0} max={1000} precision={0} data-testid="customer-overdueInterestBp" />
          </Form.Item>
        </Space>
        {!customer && creditLocked && (
          <Typography.Paragraph type="secondary" data-testid="customer-credit-hint">
            {t('creditOnCreate.hint')}
          </Typography.Paragraph>
        )}
        {customer && creditActions.includes('change_credit') && (
          <Form.Item name="creditChangeReason" label={t('credit.reasonIfChanged')} rules={[{ max: 500 }]}>
            <Input data-testid="customer-creditChangeReason" />
          </Form.Item>
        )}
        {customer && (
          <>
            <Divider titlePlacement="start">{t('credit.title')}</Divider>
            <CustomerCredit customer={{ ...customer, creditActions }} onChanged={onSaved} />
          </>
        )}
        {customer && (
          <Form.Item name="active" label={t('common.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}

        <Divider titlePlacement="start">{t('customer.contacts')}</Divider>
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                    <Input placeholder={t('customer.contactName')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'title']}>
                    <Input placeholder={t('customer.contactTitle')} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'phone']}>
                    <Input placeholder={t('customer.phone')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'idNumber']}>
                    <Input placeholder={t('customer.idNumber')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'email']} rules={[{ type: 'email' }]}>
                    <Input placeholder={t('customer.contactEmail')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'channels']}>
                    <Select
                      mode="multiple"
                      placeholder={t('customer.contactChannels')}
                      style={{ minWidth: 200 }}
                      options={MESSAGE_CHANNELS.map((c) => ({ value: c, label: t(`enums.messageChannel.${c}`) }))}
                    />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />}>
                {t('customer.addContact')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('customer.addresses')}</Divider>
        <Form.List name="addresses">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'consignee']} rules={[{ required: true }]}>
                    <Input placeholder={t('customer.consignee')} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'phone']}>
                    <Input placeholder={t('customer.phone')} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'address']} rules={[{ required: true }]}>
                    <Input placeholder={t('customer.address')} style={{ width: 260 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />}>
                {t('customer.addAddress')}
              </Button>
            </>
          )}
        </Form.List>

        <Form.Item name="remark" label={t('customer.remark')} style={{ marginTop: 16 }}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>

      {customer && (
        <div ref={docsRef} data-testid="customer-documents">
          <Divider titlePlacement="start">{t('customer.documents')}</Divider>
          <List
            size="small"
            dataSource={docs}
            locale={{ emptyText: t('orderPage.qualification.none') }}
            renderItem={(d) => (
              <List.Item>
                <span>
                  {t(`orderPage.attachments.kind.${d.kind}`, { defaultValue: t('orderPage.attachments.kind.other') })}
                  {' · '}
                  <a href={attachmentsApi.downloadUrl(d.id)}>{d.filename}</a>
                </span>
              </List.Item>
            )}
          />
          <Space wrap>
            <Select
              style={{ width: 170 }}
              value={docKind}
              onChange={setDocKind}
              data-testid="customer-document-kind"
              options={DOC_KINDS.map((k) => ({ value: k, label: t(`orderPage.attachments.kind.${k}`) }))}
            />
            <Upload
              showUploadList={false}
              customRequest={async ({ file }) => {
                const body = new FormData();
                body.append('kind', docKind);
                body.append('file', file as Blob);
                try {
                  await customersApi.addDocument(customer.id, body);
                  message.success(t('orderPage.attachments.uploaded'));
                } catch (e) {
                  message.error((e as Error).message);
                }
                setDocs(await customersApi.documents(customer.id));
              }}
            >
              <Button icon={<UploadOutlined />} data-testid="customer-document-upload">
                {t('customer.upload')}
              </Button>
            </Upload>
            {back && (
              <Link to={back} data-testid="customer-back">
                {docs.length ? t('orderPage.qualification.backDone') : t('orderPage.qualification.back')}
              </Link>
            )}
          </Space>
        </div>
      )}
    </Drawer>
  );
}
