import type { ReactNode } from 'react';
import { Drawer } from 'antd';

/** The menu on a phone: a drawer over the page (loaded on phones only, see AppLayout). */
export default function PhoneMenu({
  open,
  onClose,
  children,
}: {
  open: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Drawer
      placement="left"
      open={open}
      onClose={onClose}
      size={260}
      styles={{ body: { padding: 0 } }}
      closable={false}
    >
      {children}
    </Drawer>
  );
}
