// 订单档案: archived orders and each order's dossier (one PDF, or a zip with every original upload).
import { apiLanguage, urlOf } from './client';

export type ArchiveItem = {
  id: string;
  number: string;
  status: string;
  customerName: string;
  customerCode: string;
  orderDate: string;
  finishedOn: string;
  archivedAt: string;
  products: string;
  total: string;
};

export const archiveApi = {
  listUrl: urlOf('GET /api/archive'),
  /** The dossier of any order, in the user's language: the PDF, or the zip with the uploads. */
  dossierUrl: (id: string, format: 'pdf' | 'zip' = 'pdf') =>
    urlOf('GET /api/orders/{id}/dossier', { params: { id }, query: { format, lang: apiLanguage() } }),
};
