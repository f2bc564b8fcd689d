import { lazy, Suspense, type ComponentType } from 'react';
import { useParams } from 'react-router-dom';
import { Spin } from 'antd';

/**
 * A page loaded on first use: its module is fetched then, with a spinner meanwhile. A page of one record mounts
 * afresh for another (one order, then the next): it never shows the previous record while the next one loads.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  const Page = lazy<ComponentType>(() => load().then((m) => ({ default: m[name] })));
  return function LoadedPage() {
    const record = Object.values(useParams()).join('/');
    return (
      <Suspense fallback={<Spin style={{ margin: 80 }} />}>
        <Page key={record} />
      </Suspense>
    );
  };
}
