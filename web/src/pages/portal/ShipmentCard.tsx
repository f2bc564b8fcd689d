import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Timeline, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { dateTime } from '../../format';
import { portalApi, type PortalShipment } from '../../api/portal';

/** A shipment with its carrier, tracking and, once it arrived, signing for it with a photo. */
export function ShipmentCard({ shipment: s, onSigned }: { shipment: PortalShipment; onSigned: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [signing, setSigning] = useState(false);
  const [photo, setPhoto] = useState<File>();
  const sign = async (v: { signedBy: string }) => {
    if (!photo) return void message.error(t('portal.shipment.photoNeeded'));
    await portalApi.signFor(s.id, v.signedBy, photo);
    setSigning(false);
    onSigned();
  };
  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      title={`${t('portal.shipment.title')} ${s.number}`}
      extra={s.statusLabel}
    >
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {s.carrier} {s.trackingNo}
      </Typography.Paragraph>
      {s.deliveredAt && (
        <Typography.Paragraph type="secondary">
          {t('portal.shipment.signed', { name: s.signedBy, at: dateTime(s.deliveredAt) })}
        </Typography.Paragraph>
      )}
      {s.tracking.length > 0 && (
        <Timeline
          items={[...s.tracking]
            .reverse()
            .map((e) => ({ content: `${dateTime(e.at)} ${e.location} ${e.description}` }))}
        />
      )}
      {s.canSign && (
        <Button block onClick={() => setSigning(true)}>
          {t('portal.shipment.sign')}
        </Button>
      )}
      <Modal
        open={signing}
        title={t('portal.shipment.sign')}
        footer={null}
        destroyOnHidden
        onCancel={() => setSigning(false)}
      >
        <Form layout="vertical" onFinish={(v) => void sign(v)}>
          <Form.Item name="signedBy" label={t('portal.shipment.signedBy')} rules={[{ required: true }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Upload
            accept="image/*"
            maxCount={1}
            beforeUpload={(f) => {
              setPhoto(f);
              return false;
            }}
          >
            <Button>{t('portal.shipment.photo')}</Button>
          </Upload>
          <Button type="primary" htmlType="submit" block style={{ marginTop: 12 }}>
            {t('portal.shipment.sign')}
          </Button>
        </Form>
      </Modal>
    </Card>
  );
}
