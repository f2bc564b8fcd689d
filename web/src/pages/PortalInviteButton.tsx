import { useState } from 'react';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { portalApi } from '../api/portal';
import { FormModal } from '../components/FormModal';
import { addPortalTexts } from './portal/texts';

addPortalTexts();

type Invite = { username: string; displayName: string; phone?: string; email?: string };

/** Sales invite a contact of the customer to the portal; the one-time password is shown once. */
export function PortalInviteButton({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<{ username: string; password: string }>();
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="portal-invite">
        {t('portal.invite.action')}
      </Button>
      <FormModal<Invite>
        open={open}
        title={t('portal.invite.action')}
        onClose={() => setOpen(false)}
        onSubmit={async (v) => {
          const r = await portalApi.invite(customerId, v);
          setDone({ username: r.username, password: r.initialPassword ?? '' });
        }}
        onSaved={() => setOpen(false)}
        testId="portal-invite-form"
      >
        {() => (
          <>
            <Form.Item name="username" label={t('portal.invite.username')} rules={[{ required: true }]}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="displayName" label={t('portal.invite.displayName')} rules={[{ required: true }]}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="phone" label={t('portal.invite.phone')}>
              <Input maxLength={30} />
            </Form.Item>
            <Form.Item name="email" label={t('portal.invite.email')} rules={[{ type: 'email' }]}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
      </FormModal>
      <Modal open={!!done} footer={null} onCancel={() => setDone(undefined)} title={t('portal.invite.action')}>
        {done && <Alert type="success" title={t('portal.invite.done', done)} data-testid="portal-invite-done" />}
      </Modal>
    </>
  );
}
