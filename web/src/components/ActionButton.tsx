import { App, Button, type ButtonProps } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { ReasonDialog, type ReasonDialogProps } from './ReasonDialog';

type Confirm = Pick<
  ReasonDialogProps,
  'content' | 'reason' | 'label' | 'hint' | 'okText' | 'okTestId' | 'inputTestId'
> & {
  /** The dialog's title; defaults to the button's text. */
  title?: ReactNode;
};

type Props = Omit<ButtonProps, 'onClick' | 'loading'> & {
  /** The request; given the comment or reason when the button asks for one. */
  run: (reason?: string) => Promise<unknown>;
  /** Said when the request succeeds (what was done, in the user's language); a function sees the result. */
  success?: ReactNode | ((result: unknown) => ReactNode);
  /** Ask first, optionally with a comment or a required reason. */
  confirm?: Confirm;
  /** After success (reload the page's data). */
  onDone?: (result: unknown) => unknown;
};

/**
 * A button that sends one request: it is disabled and spinning while the request runs, so a double click sends it
 * once; errors are shown as a message; with `confirm` it first asks in a ReasonDialog.
 */
export function ActionButton({ run, success, confirm, onDone, children, ...button }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const running = useRef(false);

  const send = async (reason?: string) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      const result = await run(reason);
      const said = typeof success === 'function' ? success(result) : success;
      if (said) message.success(said);
      setAsking(false);
      await onDone?.(result);
    } catch (e) {
      message.error((e as Error).message);
      throw e;
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        {...button}
        loading={busy}
        onClick={() => (confirm ? setAsking(true) : void send().catch(() => undefined))}
      >
        {children}
      </Button>
      {confirm && (
        <ReasonDialog
          {...confirm}
          open={asking}
          title={confirm.title ?? children}
          danger={button.danger}
          onCancel={() => setAsking(false)}
          onOk={send}
        />
      )}
    </>
  );
}
