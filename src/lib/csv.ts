import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

// CSV as spreadsheets save it (RFC 4180): comma-separated, fields with a comma, a quote or a line break in double
// quotes, a quote inside doubled; records end with CRLF or LF. A file is UTF-8 (with or without BOM) or, as the
// Chinese Excel saves "CSV", GBK: text that is not valid UTF-8 is read as GB18030, GBK's superset.
// Parsed by csv-parse rather than exceljs's `workbook.csv.read`, which reads about 18,000 rows/s and holds every
// cell as a worksheet object, far under what an order import must reach.

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/** The file's text (a BOM dropped), or undefined when it is neither UTF-8 nor GB18030 text (a binary file). */
export function decodeCsvText(data: Buffer): string | undefined {
  let text: string;
  try {
    text = strictUtf8.decode(data);
  } catch {
    try {
      text = gb18030.decode(data);
    } catch {
      return undefined;
    }
  }
  return text.includes('\u0000') ? undefined : text;
}

/**
 * Each record as its fields, in file order (an empty line is a record of one empty field, so record numbers are
 * the ones a spreadsheet shows); at most `maxRecords`. Quotes inside an unquoted field are kept as text and
 * records may differ in length, as spreadsheets read them.
 */
export function parseCsv(text: string, maxRecords?: number): string[][] {
  return parse(text, {
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    record_delimiter: ['\r\n', '\n', '\r'],
    ...(maxRecords ? { to: maxRecords } : {}),
  }) as string[][];
}

/** Records as UTF-8 CSV text, quoted where a field needs it; an empty record is an empty line. */
export const toCsv = (records: string[][]) =>
  stringify(records, { record_delimiter: 'windows', quoted_match: /[\r\n]|^\s|\s$/ });
