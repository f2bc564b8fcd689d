import { lazy, Suspense, type ComponentType } from 'react';
import { Spin } from 'antd';

/** A page loaded on first use: its module is fetched then, with a spinner meanwhile. */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  const Page = lazy<ComponentType>(() => load().then((m) => ({ default: m[name] })));
  return function LoadedPage() {
    return (
      <Suspense fallback={<Spin style={{ margin: 80 }} />}>
        <Page />
      </Suspense>
    );
  };
}
