import { UploadOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Upload } from 'antd';
import { useTranslation } from 'react-i18next';

const METHODS = ['electronic', 'signature', 'stamp'] as const;

/**
 * The fields of a customer confirmation (of an order or of a change): how the customer confirmed, the signed
 * scan, a note. The caller's Form holds them, with `method` defaulting to electronic.
 */
export function ConfirmationFields(props: {
  onFile: (f: File | undefined) => void;
  noteLabel: string;
  noteTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="method" label={t('order.confirmMethod')}>
        <Select options={METHODS.map((m) => ({ value: m, label: t(`enums.confirmMethod.${m}`) }))} />
      </Form.Item>
      <Form.Item label={t('order.confirmFile')}>
        <Upload
          beforeUpload={(f) => {
            props.onFile(f);
            return false;
          }}
          onRemove={() => props.onFile(undefined)}
          maxCount={1}
        >
          <Button icon={<UploadOutlined />}>{t('customer.upload')}</Button>
        </Upload>
      </Form.Item>
      <Form.Item name="note" label={props.noteLabel} rules={[{ max: 500 }]}>
        <Input data-testid={props.noteTestId} />
      </Form.Item>
    </>
  );
}
