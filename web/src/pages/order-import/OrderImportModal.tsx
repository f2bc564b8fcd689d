import { Alert, Button, Modal, Progress, Result, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { orderImportApi, type ImportRowError, type OrderImportResult } from '../../api/order-import';
import { addTexts } from '../../i18n';
import * as importTexts from './texts';

addTexts(importTexts);

type Step =
  | { kind: 'pick' }
  | { kind: 'uploading' }
  | { kind: 'job'; id: string; status: 'queued' | 'running'; done: number; total: number }
  | { kind: 'done'; result: OrderImportResult }
  | { kind: 'failed'; errors: ImportRowError[]; count: number; message?: string };

const POLL_MS = 1000;

/** 订单导入: template, upload, the job's progress bar, then what was made or every error by row and column. */
export function OrderImportModal({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const jobId = step.kind === 'job' ? step.id : undefined;

  useEffect(() => {
    if (!jobId) return;
    const timer = setInterval(async () => {
      const job = await orderImportApi.job(jobId).catch(() => undefined);
      if (!job) return;
      if (job.status === 'succeeded' && job.result) {
        setStep({ kind: 'done', result: job.result });
        onImported();
      } else if (job.status === 'failed') setStep({ kind: 'failed', errors: job.errors, count: job.errorCount });
      else if (job.status !== 'succeeded')
        setStep({ kind: 'job', id: job.id, status: job.status, done: job.done, total: job.total });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [jobId, onImported]);

  const upload = async (file: Blob) => {
    setStep({ kind: 'uploading' });
    try {
      const answer = await orderImportApi.upload(file);
      if ('jobId' in answer) setStep({ kind: 'job', id: answer.jobId, status: 'queued', done: 0, total: answer.total });
      else {
        setStep({ kind: 'done', result: answer });
        onImported();
      }
    } catch (e) {
      const details = (e as ApiError).details as { errors?: ImportRowError[]; total?: number } | undefined;
      setStep({
        kind: 'failed',
        errors: details?.errors ?? [],
        count: details?.total ?? 1,
        message: details?.errors ? undefined : (e as Error).message,
      });
    }
  };

  const close = () => {
    setStep({ kind: 'pick' });
    onClose();
  };

  return (
    <Modal open={open} title={t('orderImport.title')} onCancel={close} footer={null} width={720} destroyOnHidden>
      <div data-testid="order-import-modal">
        {step.kind === 'pick' && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary">{t('orderImport.intro')}</Typography.Paragraph>
            <Button icon={<DownloadOutlined />} href={orderImportApi.templateUrl()} data-testid="order-import-template">
              {t('orderImport.template')}
            </Button>
            <Upload.Dragger
              accept=".xlsx,.csv"
              showUploadList={false}
              customRequest={({ file }) => void upload(file as Blob)}
              data-testid="order-import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>{t('orderImport.drop')}</p>
            </Upload.Dragger>
          </Space>
        )}
        {step.kind === 'uploading' && <Progress percent={0} status="active" />}
        {step.kind === 'uploading' && <Typography.Text>{t('orderImport.uploading')}</Typography.Text>}
        {step.kind === 'job' && (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="order-import-progress">
            <Progress
              percent={step.total ? Math.min(99, Math.floor((step.done * 100) / step.total)) : 0}
              status="active"
            />
            <Typography.Text>
              {t(
                step.status === 'queued'
                  ? 'orderImport.queued'
                  : step.done >= step.total
                    ? 'orderImport.saving'
                    : 'orderImport.running',
                {
                  done: step.done,
                  total: step.total,
                },
              )}
            </Typography.Text>
          </Space>
        )}
        {step.kind === 'done' && (
          <Result
            status="success"
            data-testid="order-import-result"
            title={t('orderImport.succeeded', { orders: step.result.orders, lines: step.result.lines })}
            subTitle={t('orderImport.numbers', {
              numbers: step.result.numbers.join('、') + (step.result.orders > step.result.numbers.length ? '…' : ''),
            })}
            extra={
              <Button type="primary" onClick={close} data-testid="order-import-view">
                {t('orderImport.viewOrders')}
              </Button>
            }
          />
        )}
        {step.kind === 'failed' && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert
              type="error"
              showIcon
              data-testid="order-import-failed"
              title={
                step.message ??
                t('orderImport.failed', { count: step.count }) +
                  (step.count > step.errors.length ? t('orderImport.failedShown', { shown: step.errors.length }) : '')
              }
            />
            {step.errors.length > 0 && (
              <Table<ImportRowError>
                size="small"
                data-testid="order-import-errors"
                rowKey={(r) => `${r.row}-${r.column}-${r.code}-${r.message}`}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={step.errors}
                columns={[
                  { title: t('orderImport.row'), dataIndex: 'row', width: 70 },
                  { title: t('orderImport.column'), dataIndex: 'column', width: 160 },
                  { title: t('orderImport.message'), dataIndex: 'message' },
                ]}
              />
            )}
            <Button onClick={() => setStep({ kind: 'pick' })} data-testid="order-import-again">
              {t('orderImport.again')}
            </Button>
          </Space>
        )}
      </div>
    </Modal>
  );
}
