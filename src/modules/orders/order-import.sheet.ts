import { z } from 'zod';
import { translate, type Label, type Lang } from '../../lib/errors';
import { toCsv } from '../../lib/csv';
import { readSheet, type ImportError, type RowsRead, type Sheet, type SheetColumn } from '../../lib/excel';
import { localColumns, localXlsx, pick, type LocalColumn } from '../../lib/local-sheet';
import { isoDate, quantity, requiredText, text, unitPrice } from '../../lib/schema';

// The company's order sheet: one row per order line; rows with the same 外部单号 (the customer's PO or a key of
// the sheet) make one order. Delivery, date and remarks may be left empty: the customer's card fills them.
export const orderImportColumns: LocalColumn[] = [
  { key: 'ref', header: { zh: '外部单号', en: 'Ref' }, width: 18 },
  { key: 'customerCode', header: { zh: '客户编码', en: 'Customer code' } },
  { key: 'sku', header: { zh: '产品编码', en: 'Product code' } },
  { key: 'qty', header: { zh: '数量', en: 'Quantity' }, width: 10 },
  { key: 'unitPrice', header: { zh: '单价', en: 'Unit price' }, width: 12 },
  { key: 'expectedDeliveryDate', header: { zh: '要求交期', en: 'Requested delivery date' }, width: 14 },
  { key: 'address', header: { zh: '收货地址', en: 'Delivery address' }, width: 36 },
  { key: 'consignee', header: { zh: '收货人', en: 'Consignee' } },
  { key: 'phone', header: { zh: '收货电话', en: 'Phone' } },
  { key: 'remark', header: { zh: '备注', en: 'Remarks' }, width: 30 },
];
const REQUIRED = new Set(['ref', 'customerCode', 'sku', 'qty']);
/** Other headers a sheet may use for a column. */
const EXTRA_ALIASES: Record<string, string[]> = { sku: ['SKU'], ref: ['客户订单号', 'PO', 'Customer PO'] };

export const importColumns = (lang: Lang): SheetColumn[] =>
  localColumns(orderImportColumns, lang).map((c) => ({
    ...c,
    aliases: [...(c.aliases ?? []), ...(EXTRA_ALIASES[c.key] ?? [])],
  }));

export const orderImportTemplate = (lang: Lang) =>
  localXlsx({ zh: '订单导入', en: 'Order import' }, orderImportColumns, [], lang);

/** What a cell must hold, in the user's words. */
const hints: Record<string, Label> = {
  ref: { zh: '外部单号必填，最多 60 字', en: 'Ref is required, at most 60 characters' },
  customerCode: { zh: '客户编码必填', en: 'Customer code is required' },
  sku: { zh: '产品编码必填', en: 'Product code is required' },
  qty: { zh: '数量须为 1 到 1000000 的整数', en: 'Quantity must be a whole number from 1 to 1000000' },
  unitPrice: {
    zh: '单价须为不小于 0 的金额，最多两位小数，不超过 99999999.99',
    en: 'Unit price must be an amount of at least 0 with at most 2 decimals, at most 99999999.99',
  },
  expectedDeliveryDate: { zh: '要求交期须为日期 YYYY-MM-DD', en: 'Requested delivery date must be a date YYYY-MM-DD' },
  address: {
    zh: '收货地址最多 300 字；填了收货人须填地址',
    en: 'Address: at most 300 characters, required with a consignee',
  },
  consignee: { zh: '收货人最多 50 字', en: 'Consignee: at most 50 characters' },
  phone: { zh: '收货电话最多 30 字', en: 'Phone: at most 30 characters' },
  remark: { zh: '备注最多 1000 字', en: 'Remarks: at most 1000 characters' },
};
export const hintOf = (key: string, lang: Lang) => pick(hints[key] ?? hints.ref, lang);

const rowSchema = z.object({
  ref: requiredText(60),
  customerCode: requiredText(60),
  sku: requiredText(60),
  qty: quantity,
  unitPrice: unitPrice.optional(),
  expectedDeliveryDate: isoDate.optional(),
  address: text(300),
  consignee: text(50),
  phone: text(30),
  remark: text(1000),
});
export type SheetLine = z.infer<typeof rowSchema> & { row: number };

const toInput = (v: Record<string, string>) => ({
  ...v,
  qty: v.qty === '' ? undefined : Number(v.qty),
  unitPrice: v.unitPrice === '' ? undefined : v.unitPrice,
  expectedDeliveryDate: v.expectedDeliveryDate === '' ? undefined : v.expectedDeliveryDate,
});

const PLAIN_TEXT = /^[^\s\u0000\uD800-\uDFFF](?:[^\u0000\uD800-\uDFFF]*[^\s\u0000\uD800-\uDFFF])?$/;
/** Text with nothing to trim, no NUL or lone surrogate, at most max characters (empty only when not required). */
export const plain = (s: string, max: number, required: boolean) =>
  s === '' ? !required : s.length <= max && PLAIN_TEXT.test(s);
const QTY = /^[1-9]\d{0,6}$/;
const PRICE = /^\d{1,8}(\.\d{1,2})?$/;
const DATE = /^(19|2\d)\d\d-\d\d-\d\d$/;
const isDate = (s: string) => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/**
 * The common row, checked without the schema: plain text (nothing to trim, no NUL or surrogates), a whole
 * quantity, a price and a date in their usual forms. Anything else goes through rowSchema, which words the errors;
 * what passes here passes rowSchema unchanged.
 */
function plainLine(v: Record<string, string>, row: number): SheetLine | undefined {
  const qty = Number(v.qty);
  if (
    !plain(v.ref, 60, true) ||
    !plain(v.customerCode, 60, true) ||
    !plain(v.sku, 60, true) ||
    !QTY.test(v.qty) ||
    qty > 1_000_000 ||
    (v.unitPrice !== '' && !PRICE.test(v.unitPrice)) ||
    (v.expectedDeliveryDate !== '' && !isDate(v.expectedDeliveryDate)) ||
    !plain(v.address, 300, false) ||
    !plain(v.consignee, 50, false) ||
    !plain(v.phone, 30, false) ||
    !plain(v.remark, 1000, false)
  )
    return undefined;
  return {
    ref: v.ref,
    customerCode: v.customerCode,
    sku: v.sku,
    qty,
    unitPrice: v.unitPrice === '' ? undefined : v.unitPrice,
    expectedDeliveryDate: v.expectedDeliveryDate === '' ? undefined : v.expectedDeliveryDate,
    address: v.address,
    consignee: v.consignee,
    phone: v.phone,
    remark: v.remark,
    row,
  };
}

/** The rows of an order file, xlsx or CSV (UTF-8 or GBK), with the columns it lacks. */
export const readOrderFile = (file: Buffer, lang: Lang, onRows?: RowsRead) =>
  readSheet(file, importColumns(lang), onRows);

/**
 * The rows read, as the UTF-8 CSV a job keeps to import them later: the columns' headers in the language, and one
 * record per row number (an empty one where the file had an empty row), so the job's report names the same rows;
 * a column the file lacks stays out, for the job to report it missing.
 */
export function orderRowsCsv(sheet: Sheet, lang: Lang): Buffer {
  const missing = new Set(sheet.errors.map((e) => e.column));
  const columns = importColumns(lang).filter((c) => !missing.has(c.header));
  const records: string[][] = [columns.map((c) => c.header)];
  for (const { row, values } of sheet.rows) {
    while (records.length < row - 1) records.push([]);
    records.push(columns.map((c) => values[c.key]));
  }
  return Buffer.from(toCsv(records));
}

/** The file's rows checked one by one: the lines, and each wrong cell by row and column header. */
export function checkOrderRows(sheet: Sheet, lang: Lang) {
  const columns = importColumns(lang);
  const header = (key: string) => columns.find((c) => c.key === key)!.header;
  const errors: ImportError[] = sheet.errors
    .filter((e) => columns.some((c) => c.header === e.column && REQUIRED.has(c.key)))
    .map((e) => ({ ...e, code: 'IMPORT.COLUMN_MISSING', message: translate('IMPORT.COLUMN_MISSING', {}, lang) }));
  const lines: SheetLine[] = [];
  // Without a required column every row would be wrong: the missing columns are the whole report.
  if (errors.length) return { lines, errors, header, rows: sheet.rows.length };
  for (const { row, values } of sheet.rows) {
    const quick = plainLine(values, row);
    if (quick) {
      lines.push(quick);
      continue;
    }
    const parsed = rowSchema.safeParse(toInput(values));
    if (parsed.success) {
      lines.push({ ...parsed.data, row });
      continue;
    }
    const keys = new Set(parsed.error.issues.map((i) => String(i.path[0] ?? 'ref')));
    for (const key of keys)
      errors.push({ row, column: header(key), code: 'IMPORT.VALUE_INVALID', message: hintOf(key, lang) });
  }
  return { lines, errors, header, rows: sheet.rows.length };
}
