import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../api/auth';
import { useSession } from '../auth/session';
import { showServerErrors } from '../components/forms';

/**
 * 修改初始密码: a user logged in with a one-time password sees only this page until it is changed (the server
 * refuses everything else for such a session).
 */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { me, logout, reload } = useSession();
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (v: { currentPassword: string; newPassword: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await authApi.changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      await reload();
    } catch (e) {
      if (!showServerErrors(form, e)) setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 400, maxWidth: '100%' }} data-testid="change-password">
        <Typography.Title level={3}>{t('passwordChange.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">
          {t('passwordChange.why', { name: me?.user.displayName ?? '' })}
        </Typography.Paragraph>
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} data-testid="change-password-error" />}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="currentPassword" label={t('passwordChange.current')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" data-testid="change-password-current" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('passwordChange.new')}
            rules={[{ required: true, min: 8, max: 200 }]}
            extra={t('passwordChange.rule')}
          >
            <Input.Password autoComplete="new-password" data-testid="change-password-new" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('passwordChange.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  !v || v === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('passwordChange.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="change-password-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="change-password-submit">
            {t('passwordChange.submit')}
          </Button>
        </Form>
        <Button type="link" onClick={() => void logout()} style={{ marginTop: 8 }} data-testid="change-password-logout">
          {t('passwordChange.logout')}
        </Button>
      </Card>
    </div>
  );
}
