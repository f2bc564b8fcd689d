// 产品: the product master data.
import { call, urlOf, type BodyOf } from './client';

export type Product = {
  id: string;
  sku: string;
  name: string;
  spec: string;
  unit: string;
  listPrice: string;
  standardCost: string;
  seasonal: boolean;
  launchPriority: number;
  allocated: boolean;
  returnable: boolean;
  active: boolean;
};

export type ProductInput = BodyOf<'POST /api/products'>;
export type ProductChanges = BodyOf<'PATCH /api/products/{id}'>;

export const productsApi = {
  /** The paged list, for ServerTable and RemoteSelect. */
  listUrl: urlOf('GET /api/products'),
  exportUrl: urlOf('GET /api/products/export.xlsx'),
  importUrl: urlOf('POST /api/products/import'),
  get: (id: string): Promise<Product> => call('GET /api/products/{id}', { params: { id } }),
  create: (body: ProductInput): Promise<Product> => call('POST /api/products', { body }),
  update: (id: string, body: ProductChanges): Promise<Product> =>
    call('PATCH /api/products/{id}', { params: { id }, body }),
};
