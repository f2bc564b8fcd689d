import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DateRange } from './listFilters';

/** The from–to calendar of the list filters (loaded on its own, see listFilters). */
export default function DateRangePicker({ from, to, onChange, testId }: DateRange) {
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
