import { App, Button, Form, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { settingsApi, type SchemaNode, type Settings } from '../../api/settings';
import { PageHeader } from '../../components/PageHeader';
import { SchemaField } from './SchemaField';

/** 系统设置: every company setting the API has, drawn from its schema, checked as you type and on save. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Settings>();
  const [schema, setSchema] = useState<SchemaNode>();
  const [settings, setSettings] = useState<Settings>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    void Promise.all([settingsApi.schema(), settingsApi.get()]).then(([s, v]) => {
      setSchema(s);
      setSettings(v);
    });
  }, []);
  if (!schema || !settings) return <Spin style={{ margin: 80 }} />;

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const saved = await settingsApi.update(values);
      setSettings(saved);
      form.setFieldsValue(saved);
      message.success(t('settings.saved'));
    } catch (e) {
      // The server's field errors land on their fields ("fulfilment.pickHours" → that input).
      if (e instanceof ApiError && e.fields.length)
        form.setFields(e.fields.map((f) => ({ name: f.path.split('.'), errors: [f.message] })));
      else message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader
        extra={
          <>
            <Button onClick={() => form.setFieldsValue(settings)}>{t('settings.reset')}</Button>
            <Button type="primary" loading={saving} onClick={() => void save()} data-testid="settings-save">
              {t('settings.save')}
            </Button>
          </>
        }
      />
      <Form form={form} layout="horizontal" labelCol={{ flex: '260px' }} labelWrap initialValues={settings}>
        {Object.entries(schema.properties ?? {}).map(([k, node]) => (
          <SchemaField key={k} path={[k]} node={node} value={settings[k]} />
        ))}
      </Form>
    </>
  );
}
