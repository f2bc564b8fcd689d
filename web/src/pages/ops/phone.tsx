import type { ReactNode } from 'react';
import { Card, Flex, Grid, Typography, type ModalProps } from 'antd';

/** Below the md breakpoint (a phone): lists become cards, forms stack, dialogs take the screen's width. */
export function usePhone() {
  return Grid.useBreakpoint().md === false;
}

/** A dialog that fits a phone's screen: full width, near the top. */
export function phoneModal(phone: boolean): Pick<ModalProps, 'width' | 'style'> {
  return phone ? { width: '100%', style: { top: 8, maxWidth: 'calc(100vw - 16px)', paddingBottom: 0 } } : {};
}

/** Touch targets a finger can hit (44 px tall). */
export const BIG = { style: { minHeight: 44 } } as const;

/** One row of a list as a card on a phone: its title, status, key fields, and big buttons for the next step. */
export function OpsCard({
  title,
  tag,
  fields,
  actions,
  testId,
}: {
  title: ReactNode;
  tag?: ReactNode;
  fields: { label: string; value: ReactNode }[];
  actions?: ReactNode;
  testId?: string;
}) {
  return (
    <Card size="small" style={{ width: '100%' }} data-testid={testId}>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 6 }}>
        <Typography.Text strong style={{ wordBreak: 'break-all' }}>
          {title}
        </Typography.Text>
        {tag}
      </Flex>
      {fields.map((f) => (
        <Flex key={f.label} gap={8} style={{ lineHeight: '24px' }}>
          <Typography.Text type="secondary" style={{ flex: 'none', minWidth: 72 }}>
            {f.label}
          </Typography.Text>
          <span style={{ minWidth: 0, wordBreak: 'break-all' }}>{f.value}</span>
        </Flex>
      ))}
      {actions && (
        <Flex gap={8} wrap style={{ marginTop: 10 }}>
          {actions}
        </Flex>
      )}
    </Card>
  );
}
