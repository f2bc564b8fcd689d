import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { AppError } from './errors';
import type { ImportLimits } from '../config';
import { checkZip, reorderZip } from './zip-bounds';
import { decodeCsvText, parseCsv } from './csv';

// Lists go out as xlsx and customers/products come in from xlsx with the same columns.
/** `aliases`: other headers an import accepts for the column (its name in another language, an older header). */
export type SheetColumn = { key: string; header: string; width?: number; aliases?: string[] };

const headersOf = (c: SheetColumn) => [c.header, ...(c.aliases ?? [])];
/** `code`: a stable code for programs (an error code of error-codes.ts), where the import gives one. */
export type ImportError = { row: number; column: string; message: string; code?: string };

export async function toXlsx(
  sheets: { name: string; columns: SheetColumn[]; rows: Record<string, unknown>[] }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Luyue';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.columns = s.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const r of s.rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    // Excel keeps wall-clock time: a date alone reads as YYYY-MM-DD, a date with a time as YYYY-MM-DD HH:mm.
    if (v instanceof Date)
      return v.toISOString().endsWith('T00:00:00.000Z')
        ? v.toISOString().slice(0, 10)
        : v.toISOString().slice(0, 16).replace('T', ' ');
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return String(v.result ?? '');
  }
  return String(v).trim();
}

/** Bounds of every Excel import, set once from the configuration when the app is built. */
let limits: ImportLimits = { maxBytes: 10 * 1024 * 1024, maxUnpackedBytes: 100 * 1024 * 1024, maxRows: 50_000 };
export function configureImports(l: ImportLimits) {
  limits = { ...l };
}

/** Told how many rows have been read so far, every ROWS_PER_REPORT rows (an import job's progress). */
export type RowsRead = (count: number) => Promise<void>;
const ROWS_PER_REPORT = 1000;

export type Sheet = { rows: { row: number; values: Record<string, string> }[]; errors: ImportError[] };

/**
 * Rows of the first sheet as key → text, matched to columns by header; row numbers as Excel shows them.
 * The file is bounded before it is read (its size, and what its zip says and proves it unpacks to) and read
 * as a stream, stopping at the first row over the limit.
 */
export async function readXlsx(data: Buffer, columns: SheetColumn[], onRows?: RowsRead): Promise<Sheet> {
  if (data.length > limits.maxBytes) throw new AppError('IMPORT.TOO_LARGE', { limit: limits.maxBytes });
  const zip = checkZip(data, limits.maxUnpackedBytes);
  if (!zip.ok && zip.reason === 'unpacked')
    throw new AppError('IMPORT.UNPACKED_TOO_LARGE', { limit: limits.maxUnpackedBytes });
  if (!zip.ok) throw new AppError('IMPORT.FILE_INVALID');
  try {
    return await readFirstSheet(reorderZip(data, zip, sheetsLast), columns, onRows);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('IMPORT.FILE_INVALID');
  }
}

/**
 * Worksheets go after the workbook, its shared strings and styles. Met before them, as most writers (Excel
 * among them) place them, the stream reader parks each sheet in a temporary file and reads it back at the end,
 * and that path now and then loses the workbook: a valid file refused (1 read in 75, reading in a loop under load).
 */
const sheetsLast = (name: string) => (/^xl\/worksheets\/sheet\d+\.xml$/.test(name) ? 1 : 0);

async function readFirstSheet(data: Buffer, columns: SheetColumn[], onRows?: RowsRead): Promise<Sheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const rows: Sheet['rows'] = [];
  const headerIndex = new Map<string, number>();
  let positions: number[] = [];
  let seenSheet = false;
  for await (const ws of reader) {
    seenSheet = true;
    for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
      if (row.number === 1) {
        row.eachCell((cell, col) => headerIndex.set(cellText(cell.value), col));
        positions = positionsOf(columns, headerIndex);
        continue;
      }
      if (row.number - 1 > limits.maxRows) throw new AppError('IMPORT.TOO_MANY_ROWS', { limit: limits.maxRows });
      const cells = row.values as ExcelJS.CellValue[];
      const values = valuesOf(columns, positions, (at) => cellText(cells[at]));
      if (values) rows.push({ row: row.number, values });
      if (onRows && rows.length % ROWS_PER_REPORT === 0 && rows.length) await onRows(rows.length);
    }
    break;
  }
  if (!seenSheet) throw new AppError('IMPORT.FILE_INVALID');
  return { rows, errors: missingColumns(columns, headerIndex) };
}

/** Each column's position in the file (-1 when absent), found once from the header row. */
const positionsOf = (columns: SheetColumn[], headerIndex: Map<string, number>) =>
  columns.map(
    (c) =>
      headersOf(c)
        .map((h) => headerIndex.get(h))
        .find((i) => i !== undefined) ?? -1,
  );

/** A row's cells by column key, or nothing for a row with no value in any column. */
function valuesOf(columns: SheetColumn[], positions: number[], cell: (at: number) => string) {
  const values: Record<string, string> = {};
  let any = false;
  for (let k = 0; k < columns.length; k++) {
    const v = positions[k] >= 0 ? cell(positions[k]) : '';
    values[columns[k].key] = v;
    if (v !== '') any = true;
  }
  return any ? values : undefined;
}

const missingColumns = (columns: SheetColumn[], headerIndex: Map<string, number>): ImportError[] =>
  columns
    .filter((c) => !headersOf(c).some((h) => headerIndex.has(h)))
    .map((c) => ({ row: 1, column: c.header, message: 'column missing' }));

const isZip = (data: Buffer) => data.length >= 4 && data.readUInt32LE(0) === 0x04034b50;

/**
 * An import file, xlsx or CSV (told apart by content, not by name): the same rows as readXlsx reads, a CSV's row
 * numbers being its record numbers, as a spreadsheet opening it shows them. Bounded alike: its size, then its rows.
 */
export async function readSheet(data: Buffer, columns: SheetColumn[], onRows?: RowsRead): Promise<Sheet> {
  // A CSV is read in one pass of a few milliseconds per 10,000 rows: its progress is told when it is done.
  if (isZip(data)) return readXlsx(data, columns, onRows);
  if (data.length > limits.maxBytes) throw new AppError('IMPORT.TOO_LARGE', { limit: limits.maxBytes });
  const text = decodeCsvText(data);
  if (text === undefined) throw new AppError('IMPORT.FILE_INVALID');
  const rows: Sheet['rows'] = [];
  const headerIndex = new Map<string, number>();
  let positions: number[] = [];
  let number = 0;
  // One record past the limit is read, so that a file over it is told so.
  for (const fields of parseCsv(text, limits.maxRows + 2)) {
    number++;
    if (number === 1) {
      fields.forEach((f, at) => headerIndex.set(f.trim(), at));
      positions = positionsOf(columns, headerIndex);
      continue;
    }
    if (number - 1 > limits.maxRows) throw new AppError('IMPORT.TOO_MANY_ROWS', { limit: limits.maxRows });
    const values = valuesOf(columns, positions, (at) => (fields[at] ?? '').trim());
    if (values) rows.push({ row: number, values });
  }
  if (number === 0) throw new AppError('IMPORT.FILE_INVALID');
  return { rows, errors: missingColumns(columns, headerIndex) };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
