import type { Db } from '../../db/database';
import { toXlsx, readXlsx, type SheetColumn } from '../../lib/excel';
import { importFailed, parseImportRows } from '../../lib/import-rows';
import type { Actor } from '../auth/auth.service';
import * as repo from './product.repository';
import { createProductBody, type CreateProductInput } from './product.schemas';
import { productInsertRow, productRowToProduct } from './product.service';

export const productColumns: SheetColumn[] = [
  { key: 'sku', header: 'SKU' },
  { key: 'name', header: '名称 Name', width: 30 },
  { key: 'spec', header: '规格型号 Spec', width: 20 },
  { key: 'unit', header: '单位 Unit', width: 8 },
  { key: 'listPrice', header: '标准价 List price' },
  { key: 'standardCost', header: '标准成本 Standard cost' },
  { key: 'seasonal', header: '季节性 Seasonal', width: 10 },
  { key: 'launchPriority', header: '上市优先级 Launch priority', width: 12 },
  { key: 'returnable', header: '可退货 Returnable', width: 10 },
  { key: 'active', header: '启用 Active', width: 8 },
];

/** Columns an import may leave out: their field takes its default (an older template has no 可退货 column). */
const optionalColumns = new Set(['returnable']);

const yes = (v: string) => ['y', 'yes', 'true', '1', '是'].includes(v.toLowerCase());

export async function exportProducts(db: Db, actor: Actor): Promise<Buffer> {
  const rows = (await repo.allProducts(db, actor.companyId)).map(productRowToProduct);
  return toXlsx([
    {
      name: '产品 Products',
      columns: productColumns,
      rows: rows.map((p) => ({
        ...p,
        seasonal: p.seasonal ? 'Y' : 'N',
        returnable: p.returnable ? 'Y' : 'N',
        active: p.active ? 'Y' : 'N',
      })),
    },
  ]);
}

export async function importProducts(db: Db, actor: Actor, file: Buffer): Promise<{ imported: number }> {
  const read = await readXlsx(
    file,
    productColumns.filter((c) => c.key !== 'active'),
  );
  const optionalHeaders = new Set(productColumns.filter((c) => optionalColumns.has(c.key)).map((c) => c.header));
  const sheet = { ...read, errors: read.errors.filter((e) => !(e.row === 1 && optionalHeaders.has(e.column))) };
  const { inputs, errors } = parseImportRows<CreateProductInput>(sheet, productColumns, createProductBody, (v) => ({
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
