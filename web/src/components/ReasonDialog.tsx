import { Form, Input, Modal } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type ReasonDialogProps = {
  open: boolean;
  title: ReactNode;
  /** What the dialog asks the user to check before going on. */
  content?: ReactNode;
  /** 'required': a reason must be given (a rejection); 'optional': a comment may be given; 'none': no text box. */
  reason?: 'required' | 'optional' | 'none';
  /** The text box's label; defaults to 原因 when required, 备注 when optional. */
  label?: ReactNode;
  /** A hint under the text box. */
  hint?: ReactNode;
  okText?: ReactNode;
  danger?: boolean;
  okTestId?: string;
  inputTestId?: string;
  onCancel: () => void;
  /** Runs once per confirmation (a second click while it runs does nothing); the dialog stays open if it throws. */
  onOk: (reason: string | undefined) => Promise<unknown>;
};

/** The one confirmation dialog of the app: asks "are you sure", optionally with a comment or a required reason. */
export function ReasonDialog(p: ReasonDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const mode = p.reason ?? 'optional';

  const ok = async () => {
    if (running.current) return;
    const v = mode === 'none' ? {} : await form.validateFields();
    running.current = true;
    setBusy(true);
    try {
      await p.onOk(v.reason?.trim() || undefined);
    } catch {
      // The caller has said what went wrong; the dialog stays open to try again.
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <Modal
      open={p.open}
      title={p.title}
      destroyOnHidden
      onCancel={p.onCancel}
      onOk={ok}
      okText={p.okText ?? t('orderPage.dialog.ok')}
      confirmLoading={busy}
      okButtonProps={{ danger: p.danger, 'data-testid': p.okTestId ?? 'reason-ok' } as never}
    >
      {p.content && <div style={{ marginBottom: 12 }}>{p.content}</div>}
      {mode !== 'none' && (
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={p.label ?? (mode === 'required' ? t('orderPage.dialog.reason') : t('orderPage.dialog.comment'))}
            extra={p.hint}
            rules={[
              { required: mode === 'required', whitespace: true, message: t('orderPage.dialog.reasonRequired') },
              { max: 500 },
            ]}
          >
            <Input.TextArea rows={3} data-testid={p.inputTestId ?? 'reason-input'} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
