import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

/**
 * A list's filters kept in the address (?status=a,b&from=…), so a 工作台 card or a shared link opens the list
 * already filtered and the back button restores it.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const get = (key: string) => params.get(key) || undefined;
  const set = (patch: Record<string, string | undefined>) =>
    setParams(
      (p) => {
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === '') p.delete(k);
          else p.set(k, v);
        }
        return p;
      },
      { replace: true },
    );
  return { params, get, set };
}

/** A from–to date filter as YYYY-MM-DD strings. */
export function DateRangeFilter({
  from,
  to,
  onChange,
  testId,
}: {
  from?: string;
  to?: string;
  onChange: (from?: string, to?: string) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <DatePicker.RangePicker
      allowEmpty={[true, true]}
      placeholder={[t('lists.from'), t('lists.to')]}
      value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
      onChange={(v) => onChange(v?.[0]?.format('YYYY-MM-DD'), v?.[1]?.format('YYYY-MM-DD'))}
      data-testid={testId}
    />
  );
}
