import { Button, Modal, Table, Upload, App } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';

type RowError = { row: number; column: string; message: string };

/** Uploads an xlsx to an import route; shows every (row, column, message) when it is refused. */
export function ImportButton({ url, onDone }: { url: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  return (
    <Upload
      accept=".xlsx"
      showUploadList={false}
      customRequest={async ({ file }) => {
        const form = new FormData();
        form.append('file', file as Blob);
        try {
          const r = await api.post<{ imported: number }>(url, form);
          message.success(t('common.importDone', { count: r.imported }));
          onDone();
        } catch (e) {
          const errors = ((e as ApiError).details as { errors?: RowError[] } | undefined)?.errors;
          if (!errors) return void message.error((e as Error).message);
          modal.error({
            title: t('common.importFailed'),
            width: 640,
            content: (
              <Table<RowError>
                size="small"
                rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
                pagination={false}
                dataSource={errors}
                columns={[
                  { title: t('common.row'), dataIndex: 'row', width: 60 },
                  { title: t('common.column'), dataIndex: 'column', width: 160 },
                  { title: t('common.message'), dataIndex: 'message' },
                ]}
              />
            ),
          });
        }
      }}
    >
      <Button icon={<UploadOutlined />}>{t('common.import')}</Button>
    </Upload>
  );
}

export { Modal };
