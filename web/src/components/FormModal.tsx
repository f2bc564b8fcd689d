import { App, Form, Modal, type FormInstance } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { showServerErrors } from './forms';

/** A modal form that saves through `onSubmit`, and puts server field errors on its fields. */
export function FormModal<T extends object>(props: {
  open: boolean;
  title: string;
  initial?: Partial<T>;
  onClose: () => void;
  onSubmit: (values: T) => Promise<unknown>;
  onSaved: () => void;
  children: (form: FormInstance<T>) => ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<T>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    if (props.initial) form.setFieldsValue(props.initial as never);
  }, [props.open, props.initial]);

  const ok = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await props.onSubmit(values);
      message.success(t('common.saved'));
      props.onSaved();
    } catch (e) {
      if (!showServerErrors(form, e)) message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      onOk={ok}
      confirmLoading={saving}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" data-testid={props.testId}>
        {props.children(form)}
      </Form>
    </Modal>
  );
}
