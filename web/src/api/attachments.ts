// 附件: files kept on orders, customers and returns; downloaded or previewed by id.
import { urlOf } from './client';

export type Attachment = {
  id: string;
  kind: string;
  filename: string;
  contentType: string;
  size: number;
  createdAt: string;
};

export const attachmentsApi = {
  downloadUrl: (id: string) => urlOf('GET /api/attachments/{id}', { params: { id } }),
  previewUrl: (id: string) => urlOf('GET /api/attachments/{id}', { params: { id }, query: { inline: '1' } }),
};
