import type { Db } from '../../db/database';
import type { Lang } from '../../lib/errors';
import { readXlsx } from '../../lib/excel';
import { localColumns, localXlsx, type LocalColumn } from '../../lib/local-sheet';
import { importFailed, parseImportRows } from '../../lib/import-rows';
import type { Actor } from '../auth/auth.service';
import * as repo from './product.repository';
import { createProductBody, type CreateProductInput } from './product.schemas';
import { productInsertRow, productRowToProduct } from './product.service';

export const productColumns: LocalColumn[] = [
  { key: 'sku', header: { zh: 'SKU', en: 'SKU' } },
  { key: 'name', header: { zh: '名称', en: 'Name' }, width: 30 },
  { key: 'spec', header: { zh: '规格型号', en: 'Spec' }, width: 20 },
  { key: 'unit', header: { zh: '单位', en: 'Unit' }, width: 8 },
  { key: 'listPrice', header: { zh: '标准价', en: 'List price' } },
  { key: 'standardCost', header: { zh: '标准成本', en: 'Standard cost' } },
  { key: 'seasonal', header: { zh: '季节性', en: 'Seasonal' }, width: 10 },
  { key: 'launchPriority', header: { zh: '上市优先级', en: 'Launch priority' }, width: 12 },
  { key: 'returnable', header: { zh: '可退货', en: 'Returnable' }, width: 10 },
  { key: 'active', header: { zh: '启用', en: 'Active' }, width: 8 },
];

/** Columns an import may leave out: their field takes its default (an older template has no 可退货 column). */
const optionalColumns = new Set(['returnable']);

const yes = (v: string) => ['y', 'yes', 'true', '1', '是'].includes(v.toLowerCase());

export async function exportProducts(db: Db, actor: Actor, lang: Lang): Promise<Buffer> {
  const rows = (await repo.allProducts(db, actor.companyId)).map(productRowToProduct);
  return localXlsx(
    { zh: '产品', en: 'Products' },
    productColumns,
    rows.map((p) => ({
      ...p,
      seasonal: p.seasonal ? 'Y' : 'N',
      returnable: p.returnable ? 'Y' : 'N',
      active: p.active ? 'Y' : 'N',
    })),
    lang,
  );
}

export async function importProducts(
  db: Db,
  actor: Actor,
  file: Buffer,
  lang: Lang = 'zh-CN',
): Promise<{ imported: number }> {
  const columns = localColumns(productColumns, lang);
  const read = await readXlsx(
    file,
    columns.filter((c) => c.key !== 'active'),
  );
  const optionalHeaders = new Set(columns.filter((c) => optionalColumns.has(c.key)).map((c) => c.header));
  const sheet = { ...read, errors: read.errors.filter((e) => !(e.row === 1 && optionalHeaders.has(e.column))) };
  const { inputs, errors } = parseImportRows<CreateProductInput>(sheet, columns, createProductBody, (v) => ({
    sku: v.sku,
    name: v.name,
    spec: v.spec,
    unit: v.unit || '件',
    listPrice: v.listPrice,
    standardCost: v.standardCost || '0.00',
    seasonal: yes(v.seasonal),
    launchPriority: v.launchPriority === '' ? 100 : Number(v.launchPriority),
    allocated: false,
    returnable: v.returnable === '' ? true : yes(v.returnable),
  }));
  const seen = new Map<string, number>();
  for (const { row, input } of inputs) {
    if (seen.has(input.sku)) errors.push({ row, column: 'SKU', message: `duplicate of row ${seen.get(input.sku)}` });
    else seen.set(input.sku, row);
  }
  const taken = new Set(
    (
      await repo.findTakenSkus(
        db,
        actor.companyId,
        inputs.map((i) => i.input.sku),
      )
    ).map((t) => t.sku),
  );
  for (const { row, input } of inputs)
    if (taken.has(input.sku)) errors.push({ row, column: 'SKU', message: `SKU "${input.sku}" already exists` });
  if (errors.length) throw importFailed(errors);
  if (inputs.length)
    await repo.insertProducts(
      db,
      inputs.map((i) => productInsertRow(actor, i.input)),
    );
  return { imported: inputs.length };
}
