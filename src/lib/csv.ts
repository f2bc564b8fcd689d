// CSV as spreadsheets save it (RFC 4180): comma-separated, fields with a comma, a quote or a line break in double
// quotes, a quote inside doubled; records end with CRLF or LF. A file is UTF-8 (with or without BOM) or, as the
// Chinese Excel saves "CSV", GBK: text that is not valid UTF-8 is read as GB18030, GBK's superset.
//
// Written here rather than taken from exceljs (`workbook.csv.read`, through fast-csv): that path reads about
// 18,000 rows/s and holds every cell as a worksheet object, far under what an order import must reach.

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

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Each record as its fields, in file order; `onRecord` returns false to stop early (a record over a limit).
 * A quote inside an unquoted field is kept as text, as spreadsheets read it.
 */
export function parseCsv(text: string, onRecord: (fields: string[]) => boolean | void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const fields: string[] = [];
    for (;;) {
      let field: string;
      if (text.charCodeAt(i) === QUOTE) {
        let parts = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) {
            parts += text.slice(from);
            i = n;
            break;
          }
          parts += text.slice(from, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            parts += '"';
            from = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        // Anything between the closing quote and the separator is kept, as spreadsheets do.
        const end = fieldEnd(text, i);
        field = parts + text.slice(i, end);
        i = end;
      } else {
        const end = fieldEnd(text, i);
        field = text.slice(i, end);
        i = end;
      }
      fields.push(field);
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      if (c === CR) i++;
      if (text.charCodeAt(i) === LF) i++;
      break;
    }
    if (onRecord(fields) === false) return;
  }
}

function fieldEnd(text: string, from: number): number {
  let i = from;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === LF || c === CR) return i;
    i++;
  }
  return n;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const field = (v: string) => (NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** Records as UTF-8 CSV text, quoted where a field needs it; an empty record is an empty line. */
export const toCsv = (records: string[][]) => records.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
