import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Button, Empty, Grid, Input, List, Space, Table, type TableProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, withQuery, type Page } from '../api/client';

type Props<T> = {
  url: string;
  columns: TableProps<T>['columns'];
  rowKey: TableProps<T>['rowKey'];
  filters?: Record<string, unknown>;
  exportUrl?: string;
  /** The export gets the table's filters and search, so it holds what the table shows. */
  exportFiltered?: boolean;
  toolbar?: ReactNode;
  reloadKey?: number;
  searchPlaceholder?: string;
  /** A list the server does not search (a fixed set, such as the orders behind a report figure) has no box. */
  searchable?: boolean;
  testId?: string;
  /** What to do when the list is empty ("登记第一张订单"); a filtered empty list says to clear the filters. */
  empty?: ReactNode;
  /** On a phone (below md) each row is drawn as this card instead of a table row. */
  card?: (row: T) => ReactNode;
  /**
   * Pages by cursor (keyset: `cursor=first`, then the page's `next`/`prev`) with a previous/next pager and no
   * total: for lists too long to count on every page, such as the orders.
   */
  cursorPaging?: boolean;
};

type CursorPage<T> = { items: T[]; next: string | null; prev: string | null };

/** A table paged, sorted and searched on the server (page, pageSize, sort, order, q). */
export function ServerTable<T extends object>({
  url,
  columns,
  rowKey,
  filters,
  exportUrl,
  exportFiltered,
  toolbar,
  reloadKey,
  searchPlaceholder,
  searchable = true,
  testId,
  empty,
  card,
  cursorPaging,
}: Props<T>) {
  const { t, i18n } = useTranslation();
  const cards = Grid.useBreakpoint().md === false && !!card;
  const [query, setQuery] = useState({
    page: 1,
    pageSize: 20,
    sort: undefined as string | undefined,
    order: undefined as string | undefined,
    q: '',
  });
  const [data, setData] = useState<Page<T>>({ items: [], total: 0, page: 1, pageSize: 20 });
  const [loading, setLoading] = useState(false);
  // Keyset paging: the cursor holds for the filters it was made under; other filters start at the first page.
  const filterKey = JSON.stringify(filters);
  const [at, setAt] = useState({
    filterKey,
    cursor: 'first',
    next: null as string | null,
    prev: null as string | null,
  });
  const cursor = at.filterKey === filterKey ? at.cursor : 'first';

  const load = useCallback(async () => {
    setLoading(true);
    try {
      if (!cursorPaging) return setData(await api.get<Page<T>>(url, { ...query, ...filters }));
      const { page: _page, ...rest } = query;
      const got = await api.get<CursorPage<T>>(url, { ...rest, ...filters, cursor });
      setData({ items: got.items, total: 0, page: 1, pageSize: query.pageSize });
      setAt({ filterKey, cursor, next: got.next, prev: got.prev });
    } finally {
      setLoading(false);
    }
  }, [url, query, filterKey, cursor, cursorPaging]);
  const turn = (to: string | null) => to && setAt((a) => ({ ...a, filterKey, cursor: to }));

  useEffect(() => void load(), [load, reloadKey]);
  const filtered = !!query.q || Object.values(filters ?? {}).some((v) => v !== undefined && v !== '');

  const emptyText = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={filtered ? t('empty.filtered') : t('empty.default')}
      data-testid="table-empty"
    >
      {!filtered && empty}
    </Empty>
  );
  const pagination = {
    current: data.page,
    pageSize: data.pageSize,
    total: data.total,
    showTotal: (total: number) => t('common.total', { total }),
  };

  return (
    <div data-testid={testId}>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        {searchable && (
          <Input.Search
            allowClear
            placeholder={searchPlaceholder ?? t('common.search')}
            onSearch={(q) => {
              setAt((a) => ({ ...a, cursor: 'first' }));
              setQuery((s) => ({ ...s, q, page: 1 }));
            }}
            style={{ width: 280, maxWidth: '100%' }}
            data-testid="table-search"
          />
        )}
        <Space wrap>
          {toolbar}
          {exportUrl && (
            <Button
              icon={<DownloadOutlined />}
              href={withQuery(
                exportUrl,
                exportFiltered ? { ...filters, q: query.q, lang: i18n.language } : { lang: i18n.language },
              )}
              data-testid={testId ? `${testId}-export` : undefined}
            >
              {t('common.export')}
            </Button>
          )}
        </Space>
      </Space>
      {cards ? (
        <List<T>
          loading={loading}
          dataSource={data.items}
          rowKey={rowKey as never}
          locale={{ emptyText }}
          renderItem={(row) => (
            <List.Item style={{ padding: '0 0 8px', borderBlockEnd: 'none' }}>{card!(row)}</List.Item>
          )}
          pagination={
            cursorPaging
              ? false
              : {
                  ...pagination,
                  size: 'small',
                  simple: true,
                  onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
                }
          }
        />
      ) : (
        <Table<T>
          size="middle"
          rowKey={rowKey}
          loading={loading}
          columns={columns}
          dataSource={data.items}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText }}
          pagination={cursorPaging ? false : { ...pagination, showSizeChanger: true }}
          onChange={(p, _f, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            if (cursorPaging) setAt((a) => ({ ...a, cursor: 'first' }));
            setQuery((q) => ({
              ...q,
              page: p.current ?? 1,
              pageSize: p.pageSize ?? 20,
              sort: s?.order ? String(s.columnKey ?? s.field) : undefined,
              order: s?.order ?? undefined,
            }));
          }}
        />
      )}
      {cursorPaging && (
        <Space style={{ marginTop: 12, width: '100%', justifyContent: 'flex-end' }} data-testid="cursor-pager">
          <Button size="small" disabled={!at.prev || loading} onClick={() => turn(at.prev)} data-testid="page-prev">
            {t('common.prevPage')}
          </Button>
          <Button size="small" disabled={!at.next || loading} onClick={() => turn(at.next)} data-testid="page-next">
            {t('common.nextPage')}
          </Button>
        </Space>
      )}
    </div>
  );
}
