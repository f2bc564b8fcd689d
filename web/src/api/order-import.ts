// 订单导入: the sheet template, the upload (answered at once, or queued as a job) and the job's progress.
import { api, apiLanguage, call, urlOf } from './client';

export type ImportRowError = { row: number; column: string; code?: string; message: string };
export type OrderImportResult = { orders: number; lines: number; numbers: string[] };
export type ImportJob = {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  total: number;
  done: number;
  errors: ImportRowError[];
  errorCount: number;
  result: OrderImportResult | null;
};
/** A small sheet is imported while the request waits; a large one answers with its job. */
export type UploadAnswer = OrderImportResult | { jobId: string; total: number };

export const orderImportApi = {
  templateUrl: () => urlOf('GET /api/orders/import/template', { query: { lang: apiLanguage() } }),
  upload: (file: Blob): Promise<UploadAnswer> => {
    const form = new FormData();
    form.append('file', file);
    return api.post<UploadAnswer>(urlOf('POST /api/orders/import'), form);
  },
  job: (id: string): Promise<ImportJob> => call('GET /api/orders/import/{id}', { params: { id } }),
};
