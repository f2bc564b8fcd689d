import { z } from 'zod';
import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError, type Lang } from '../../lib/errors';
import { readXlsx } from '../../lib/excel';
import { importFailed, parseImportRows } from '../../lib/import-rows';
import { localColumns, localXlsx, type LocalColumn } from '../../lib/local-sheet';
import { isoDate, unitPrice } from '../../lib/schema';
import type { Actor } from '../auth/auth.service';
import { findProductsBySkus } from '../products/product.repository';
import { checkPriceList, getCustomerPrices, putCustomerPrices } from './customer-prices';

// 客户价格表 in Excel, the way customers and products come and go: the same columns out and in, headers in either
// language, all rows or none. Name and list price go out for the reader and are ignored coming in.
export const customerPriceColumns: LocalColumn[] = [
  { key: 'sku', header: { zh: 'SKU', en: 'SKU' } },
  { key: 'name', header: { zh: '名称', en: 'Name' }, width: 30 },
  { key: 'listPrice', header: { zh: '标准价', en: 'List price' } },
  { key: 'price', header: { zh: '客户价', en: 'Customer price' } },
  { key: 'currency', header: { zh: '币种', en: 'Currency' }, width: 8 },
  { key: 'validFrom', header: { zh: '生效日期', en: 'Valid from' }, width: 12 },
  { key: 'validTo', header: { zh: '失效日期', en: 'Valid to' }, width: 12 },
];
const optional = new Set(['name', 'listPrice', 'currency', 'validFrom', 'validTo']);

const sheetRow = z
  .object({
    sku: z.string().min(1, 'required'),
    price: unitPrice,
    currency: z.string().regex(/^[A-Z]{3}$/, 'a currency code such as CNY or USD'),
    validFrom: isoDate.nullable(),
    validTo: isoDate.nullable(),
  })
  .refine((r) => !r.validFrom || !r.validTo || r.validTo >= r.validFrom, {
    path: ['validTo'],
    message: 'must not be before validFrom',
  });

export async function exportCustomerPrices(db: Db, actor: Actor, customerId: string, lang: Lang): Promise<Buffer> {
  const list = await getCustomerPrices(db, actor, customerId);
  return localXlsx({ zh: '客户价格', en: 'Customer prices' }, customerPriceColumns, list.prices, lang);
}

/** Replaces the customer's price list with the sheet's (its discount stays); any wrong row → 422 naming it. */
export async function importCustomerPrices(
  db: Db,
  actor: Actor,
  env: Env,
  customerId: string,
  file: Buffer,
  lang: Lang = 'zh-CN',
) {
  const current = await getCustomerPrices(db, actor, customerId);
  const columns = localColumns(customerPriceColumns, lang);
  const read = await readXlsx(file, columns);
  const optionalHeaders = new Set(columns.filter((c) => optional.has(c.key)).map((c) => c.header));
  const sheet = { ...read, errors: read.errors.filter((e) => !(e.row === 1 && optionalHeaders.has(e.column))) };
  const { inputs, errors } = parseImportRows(sheet, columns, sheetRow, (v) => ({
    sku: v.sku,
    price: v.price,
    currency: (v.currency || 'CNY').toUpperCase(),
    validFrom: v.validFrom || null,
    validTo: v.validTo || null,
  }));
  const header = (key: string) => columns.find((c) => c.key === key)!.header;
  const products = await findProductsBySkus(db, actor.companyId, [...new Set(inputs.map((i) => i.input.sku))]);
  const bySku = new Map(products.map((p) => [p.sku, p.id]));
  for (const { row, input } of inputs)
    if (!bySku.has(input.sku)) errors.push({ row, column: header('sku'), message: `no product "${input.sku}"` });
  if (errors.length) throw importFailed(errors);
  const prices = inputs.map(({ input }) => ({ ...input, productId: bySku.get(input.sku)! }));
  // Overlaps and currencies are checked as the API checks them; the row is named by its sheet row.
  try {
    await checkPriceList(db, actor, prices);
  } catch (e) {
    const f = e instanceof AppError ? e.fields[0] : undefined;
    const m = f && /^prices\[(\d+)\]\.(\w+)$/.exec(f.path);
    if (!f || !m) throw e;
    const column = header(m[2] === 'productId' ? 'sku' : m[2]);
    throw importFailed([{ row: inputs[Number(m[1])].row, column, message: f.message }]);
  }
  await putCustomerPrices(db, actor, env, customerId, {
    discountPercent: current.discountPercent,
    prices: prices.map(({ sku: _s, ...p }) => p),
  });
  return { imported: prices.length };
}
