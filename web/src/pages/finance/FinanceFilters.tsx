import { Button, Empty, Select, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { customersApi } from '../../api/customers';
import type { FinanceQuery } from '../../api/finance';
import type { Customer } from '../../api/types';
import { RemoteSelect } from '../../components/RemoteSelect';
import { DateRangeFilter } from '../listFilters';

export type { FinanceQuery };

/**
 * A finance list's filters (customer, dates, one kind) and its Excel export, which gets the same filters and the
 * page's language, so the file holds what the table shows.
 */
export function FinanceFilters({
  value,
  onChange,
  exportUrl,
  dates = true,
  kind,
  testId,
  children,
}: {
  value: FinanceQuery;
  onChange: (v: FinanceQuery) => void;
  /** The export's address for a filter (with the page's language), when the list does not export itself. */
  exportUrl?: (query: FinanceQuery) => string;
  dates?: boolean;
  kind?: { key: string; placeholder: string; options: { value: string; label: string }[] };
  testId: string;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Space style={{ marginBottom: 12 }} wrap data-testid={`${testId}-filters`}>
      {children}
      <RemoteSelect<Customer>
        url={customersApi.listUrl}
        label={(c) => `${c.shortCode} ${c.name}`}
        placeholder={t('lists.customer')}
        allowClear
        style={{ width: 200 }}
        value={value.customer}
        onChange={(customer) => onChange({ ...value, customer })}
      />
      {dates && (
        <DateRangeFilter from={value.from} to={value.to} onChange={(from, to) => onChange({ ...value, from, to })} />
      )}
      {kind && (
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={kind.placeholder}
          value={value[kind.key]}
          onChange={(v?: string) => onChange({ ...value, [kind.key]: v })}
          options={kind.options}
        />
      )}
      {exportUrl && (
        <Button
          icon={<DownloadOutlined />}
          href={exportUrl({ ...value, lang: i18n.language })}
          data-testid={`${testId}-export`}
        >
          {t('common.export')}
        </Button>
      )}
    </Space>
  );
}

/** What an empty finance list says: what to do, or that the filter matched nothing. */
export function financeEmpty(filtered: boolean, text: string, t: (k: string) => string) {
  return {
    emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('empty.filtered') : text} />,
  };
}

export const isFiltered = (q: FinanceQuery) => Object.values(q).some((v) => v !== undefined && v !== '');
