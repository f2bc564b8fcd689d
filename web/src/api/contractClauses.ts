// 合同条款模板: the company's standard contract clauses, kept by legal.
import { call, type BodyOf } from './client';

export type ClauseTemplate = {
  code: string;
  title: string;
  titleEn: string;
  body: string;
  bodyEn: string;
  sort: number;
  retired: boolean;
  retiredAt: string | null;
  updatedAt: string | null;
};
export type NewClauseTemplate = BodyOf<'POST /api/contract-clauses'>;
export type ClauseTemplateChange = BodyOf<'PUT /api/contract-clauses/{code}'>;

export const contractClausesApi = {
  list: (): Promise<{ items: ClauseTemplate[] }> => call('GET /api/contract-clauses'),
  create: (body: NewClauseTemplate): Promise<ClauseTemplate> => call('POST /api/contract-clauses', { body }),
  update: (code: string, body: ClauseTemplateChange): Promise<ClauseTemplate> =>
    call('PUT /api/contract-clauses/{code}', { params: { code }, body }),
};
