import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router-dom';

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

export type DateRange = { from?: string; to?: string; onChange: (from?: string, to?: string) => void; testId?: string };

// The calendar is its own script, fetched after the list: the rows show without waiting for it.
const RangePicker = lazy(() => import('./DateRangePicker'));

/** A from–to date filter as YYYY-MM-DD strings. */
export function DateRangeFilter(props: DateRange) {
  return (
    <Suspense fallback={<span style={{ display: 'inline-block', width: 240, height: 32 }} />}>
      <RangePicker {...props} />
    </Suspense>
  );
}
