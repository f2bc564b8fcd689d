import { useEffect, useState } from 'react';
import { api } from '../../api/client';

/** A finance list read from the API, read again whenever `version` changes (after money was recorded). */
export function useFinanceList<T>(url: string, version: number, query?: Record<string, string | undefined>) {
  const [rows, setRows] = useState<T[]>([]);
  const key = JSON.stringify(query ?? {});
  useEffect(() => {
    let live = true;
    void api.get<T[]>(url, query).then((r) => live && setRows(r));
    return () => {
      live = false;
    };
  }, [url, key, version]);
  return rows;
}
