import { Button, Space } from 'antd';
import { FilePdfOutlined, FileZipOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { archiveApi, type ArchiveItem } from '../api/archive';
import { PageHeader } from '../components/PageHeader';
import { ServerTable } from '../components/ServerTable';
import { StatusTag } from '../components/StatusTag';
import { yuan } from '../format';
import { DateRangeFilter, useUrlFilters } from './listFilters';

/**
 * 订单档案: orders finished, paid and closed for good, searched by number, customer or product and by the day they
 * were finished; each row downloads its dossier as one PDF or as a zip with every original upload.
 */
export function ArchivePage() {
  const { t } = useTranslation();
  const { get, set } = useUrlFilters();
  const filters = { from: get('from'), to: get('to') };
  return (
    <>
      <PageHeader />
      <ServerTable<ArchiveItem>
        url={archiveApi.listUrl}
        rowKey="id"
        testId="archive"
        filters={filters}
        empty={t('archive.empty')}
        searchPlaceholder={t('archive.search')}
        toolbar={<DateRangeFilter from={filters.from} to={filters.to} onChange={(from, to) => set({ from, to })} />}
        columns={[
          {
            title: t('archive.number'),
            dataIndex: 'number',
            render: (n: string, r) => <Link to={`/orders/${r.id}`}>{n}</Link>,
          },
          { title: t('archive.customer'), dataIndex: 'customerName' },
          { title: t('archive.products'), dataIndex: 'products', ellipsis: true },
          { title: t('archive.total'), dataIndex: 'total', align: 'right', render: (v: string) => yuan(v) },
          { title: t('archive.finishedOn'), dataIndex: 'finishedOn' },
          {
            title: t('order.status'),
            dataIndex: 'status',
            render: (s: string) => <StatusTag status={s} />,
          },
          {
            title: t('archive.download'),
            key: 'download',
            render: (_: unknown, r) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<FilePdfOutlined />}
                  href={archiveApi.dossierUrl(r.id)}
                  data-testid="dossier-pdf"
                >
                  {t('archive.pdf')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  icon={<FileZipOutlined />}
                  href={archiveApi.dossierUrl(r.id, 'zip')}
                  data-testid="dossier-zip"
                >
                  {t('archive.zip')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
