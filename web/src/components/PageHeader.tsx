import type { ReactNode } from 'react';
import { Breadcrumb, Flex, Typography } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { menuEntryOf } from './menu';

type Props = {
  /** The page's title; a list page leaves it out and gets its menu entry's name. */
  title?: ReactNode;
  /** Shown beside the title: a status tag, a number. */
  tags?: ReactNode;
  /** The page's own actions, right-aligned (they wrap under the title on a phone). */
  extra?: ReactNode;
  /** A line under the title. */
  subTitle?: ReactNode;
};

/** Every page starts with this: where it sits in the menu, what it is, and what can be done on it. */
export function PageHeader({ title, tags, extra, subTitle }: Props) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const found = menuEntryOf(pathname);
  const isEntryPage = found && found.entry.key === pathname;
  const items = found
    ? [
        { title: t(found.group.label) },
        { title: isEntryPage ? t(found.entry.label) : <Link to={found.entry.key}>{t(found.entry.label)}</Link> },
        ...(isEntryPage || !title ? [] : [{ title }]),
      ]
    : [];
  return (
    <div style={{ marginBottom: 16 }} data-testid="page-header">
      {items.length > 0 && <Breadcrumb items={items} style={{ marginBottom: 8 }} data-testid="breadcrumb" />}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
            {title ?? (found ? t(found.entry.label) : '')}
          </Typography.Title>
          {tags}
        </Flex>
        {extra && (
          <Flex gap={8} wrap data-testid="page-actions">
            {extra}
          </Flex>
        )}
      </Flex>
      {subTitle && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
          {subTitle}
        </Typography.Text>
      )}
    </div>
  );
}
