import { Button, DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { customersApi } from '../../api/customers';
import { RemoteSelect } from '../../components/RemoteSelect';

export type ListFilter = { status?: string; carrier?: string; customer?: string; from?: string; to?: string };

/**
 * The filters of an operations list (status, carrier, customer, date range); what they hold is sent to the list
 * and to its export alike. On a phone they stack, one per line.
 */
export function ListFilters({
  value,
  onChange,
  statuses,
  carrier,
  phone,
}: {
  value: ListFilter;
  onChange: (f: ListFilter) => void;
  /** Status choices as [code, label]; none when the page fixes the status. */
  statuses?: [string, string][];
  carrier?: boolean;
  phone: boolean;
}) {
  const { t } = useTranslation();
  const set = (patch: ListFilter) => onChange({ ...value, ...patch });
  const width = phone ? '100%' : 180;
  const day = (field: 'from' | 'to') => (
    <DatePicker
      value={value[field] ? dayjs(value[field]) : null}
      placeholder={t(`ops.filter.${field}`)}
      onChange={(d) => set({ [field]: d ? d.format('YYYY-MM-DD') : undefined })}
      style={{ width: phone ? 'calc(50% - 4px)' : 150 }}
      inputReadOnly={phone}
      data-testid={`filter-${field}`}
    />
  );
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="list-filters">
      {statuses && (
        <Select
          allowClear
          value={value.status}
          placeholder={t('ops.filter.status')}
          onChange={(status) => set({ status })}
          options={statuses.map(([v, label]) => ({ value: v, label }))}
          style={{ width }}
          data-testid="filter-status"
        />
      )}
      {carrier && (
        <Input
          allowClear
          value={value.carrier}
          placeholder={t('ops.filter.carrier')}
          onChange={(e) => set({ carrier: e.target.value || undefined })}
          maxLength={50}
          style={{ width }}
          data-testid="filter-carrier"
        />
      )}
      <RemoteSelect<{ id: string; code: string; name: string }>
        url={customersApi.listUrl}
        label={(c) => `${c.code} ${c.name}`}
        value={value.customer}
        onChange={(customer) => set({ customer })}
        placeholder={t('ops.filter.customer')}
        allowClear
        style={{ width: phone ? '100%' : 220 }}
        testId="filter-customer"
      />
      {day('from')}
      {day('to')}
      {Object.values(value).some(Boolean) && (
        <Button onClick={() => onChange({})} data-testid="filter-clear">
          {t('ops.filter.clear')}
        </Button>
      )}
    </Flex>
  );
}
