import { App, Button, Card, Image, Select, Space, Table, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentsApi, type Attachment } from '../../api/attachments';
import { customersApi } from '../../api/customers';
import { ordersApi } from '../../api/orders';
import type { Order } from '../../api/types';
import { useSession } from '../../auth/session';
import { dateTime } from './dates';

type Row = Attachment & { owner: 'order' | 'customer' };

/** Kinds kept on the order, and the customer's qualification documents (kept on the customer, for every order). */
const ORDER_KINDS = ['confirmation', 'written_confirmation', 'other'];
const CUSTOMER_KINDS = ['business_licence', 'contact_id', 'qualification'];
const ORDER_UPLOADERS = ['sales_assistant', 'order_admin'];
const CUSTOMER_UPLOADERS = ['sales_assistant', 'sales_director', 'finance', 'credit_controller'];

const isImage = (a: Attachment) => /^image\/(png|jpeg|gif|webp|bmp)$/i.test(a.contentType);
const isPdf = (a: Attachment) => a.contentType.toLowerCase() === 'application/pdf';
export const { downloadUrl, previewUrl } = attachmentsApi;

/** 附件: confirmation scans, written confirmation and the customer's licences; upload, preview, download. */
export function OrderAttachments({
  order,
  reloadKey,
  onChanged,
}: {
  order: Order;
  reloadKey: number;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [rows, setRows] = useState<Row[]>([]);
  const [preview, setPreview] = useState<string>();
  const kinds = [
    ...(can(...ORDER_UPLOADERS) ? ORDER_KINDS : []),
    ...(can(...CUSTOMER_UPLOADERS) ? CUSTOMER_KINDS : []),
  ];
  const [kind, setKind] = useState<string>();
  const chosen = kind && kinds.includes(kind) ? kind : kinds[0];

  const load = useCallback(async () => {
    const [own, docs] = await Promise.all([
      ordersApi.attachments(order.id),
      customersApi.documents(order.customer.id).catch((): Attachment[] => []),
    ]);
    setRows([
      ...own.map((a) => ({ ...a, owner: 'order' as const })),
      ...docs.map((a) => ({ ...a, owner: 'customer' as const })),
    ]);
  }, [order.id, order.customer.id]);
  useEffect(() => void load(), [load, reloadKey]);

  const upload = async (file: Blob) => {
    const body = new FormData();
    body.append('kind', chosen!);
    body.append('file', file);
    try {
      if (CUSTOMER_KINDS.includes(chosen!)) await customersApi.addDocument(order.customer.id, body);
      else await ordersApi.attach(order.id, body);
      message.success(t('orderPage.attachments.uploaded'));
      await load();
      onChanged();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Card
      size="small"
      title={t('orderPage.attachments.title')}
      style={{ marginTop: 16 }}
      data-testid="order-attachments"
      extra={
        kinds.length > 0 && (
          <Space.Compact>
            <Select
              size="small"
              style={{ width: 170 }}
              value={chosen}
              onChange={setKind}
              data-testid="attachment-kind"
              options={kinds.map((k) => ({ value: k, label: t(`orderPage.attachments.kind.${k}`) }))}
            />
            <Upload showUploadList={false} customRequest={({ file }) => void upload(file as Blob)}>
              <Button size="small" icon={<UploadOutlined />} data-testid="attachment-upload">
                {t('orderPage.attachments.upload')}
              </Button>
            </Upload>
          </Space.Compact>
        )
      }
    >
      <Table<Row>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('orderPage.attachments.empty') }}
        columns={[
          {
            title: t('orderPage.attachments.kindLabel'),
            dataIndex: 'kind',
            render: (k: string) =>
              t(`orderPage.attachments.kind.${k}`, { defaultValue: t('orderPage.attachments.kind.other') }),
          },
          { title: t('orderPage.attachments.file'), dataIndex: 'filename' },
          { title: t('orderPage.attachments.at'), dataIndex: 'createdAt', render: (d: string) => dateTime(d) },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, a) => (
              <Space size="small">
                {isImage(a) && (
                  <Button size="small" type="link" onClick={() => setPreview(downloadUrl(a.id))}>
                    {t('orderPage.attachments.preview')}
                  </Button>
                )}
                {isPdf(a) && (
                  <Button size="small" type="link" href={previewUrl(a.id)} target="_blank" rel="noopener">
                    {t('orderPage.attachments.preview')}
                  </Button>
                )}
                <Button size="small" type="link" href={downloadUrl(a.id)} data-testid="attachment-download">
                  {t('orderPage.attachments.download')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {preview && (
        <Image
          style={{ display: 'none' }}
          src={preview}
          preview={{ open: true, src: preview, onOpenChange: (v) => !v && setPreview(undefined) }}
        />
      )}
    </Card>
  );
}
