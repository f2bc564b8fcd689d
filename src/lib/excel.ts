import ExcelJS from 'exceljs';
import { AppError } from './errors';

// Lists go out as xlsx and customers/products come in from xlsx with the same columns.
export type SheetColumn = { key: string; header: string; width?: number };
export type ImportError = { row: number; column: string; message: string };

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

/** Rows of the first sheet as key → text, matched to columns by header; row numbers as Excel shows them. */
export async function readXlsx(
  data: Buffer,
  columns: SheetColumn[],
): Promise<{ rows: { row: number; values: Record<string, string> }[]; errors: ImportError[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT.FILE_INVALID');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('IMPORT.FILE_INVALID');
  const headerIndex = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => headerIndex.set(cellText(cell.value), col));
  const errors: ImportError[] = [];
  for (const c of columns)
    if (!headerIndex.has(c.header)) errors.push({ row: 1, column: c.header, message: 'column missing' });
  const rows: { row: number; values: Record<string, string> }[] = [];
  ws.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, string> = {};
    for (const c of columns) {
      const col = headerIndex.get(c.header);
      values[c.key] = col ? cellText(row.getCell(col).value) : '';
    }
    if (Object.values(values).some((v) => v !== '')) rows.push({ row: rowNumber, values });
  });
  return { rows, errors };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
