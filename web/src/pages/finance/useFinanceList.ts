import { useEffect, useState } from 'react';
import type { FinanceQuery } from '../../api/finance';

/** A finance list read from the API, read again whenever `version` changes (after money was recorded). */
export function useFinanceList<T>(load: (query?: FinanceQuery) => Promise<T[]>, version: number, query?: FinanceQuery) {
  const [rows, setRows] = useState<T[]>([]);
  const key = JSON.stringify(query ?? {});
  useEffect(() => {
    let live = true;
    void load(query).then((r) => live && setRows(r));
    return () => {
      live = false;
    };
  }, [load, key, version]);
  return rows;
}
