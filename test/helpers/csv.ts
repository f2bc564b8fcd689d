// CSV files as spreadsheets save them, for import tests: UTF-8 with a BOM, or GBK as the Chinese Excel saves
// "CSV". Node encodes only UTF-8, so GBK bytes come from a table built by decoding every two-byte GBK code.

const quote = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** The records as CSV text, CRLF line ends, fields quoted where they must be. */
export const csvText = (records: (string | number)[][]) => records.map((r) => r.map(quote).join(',')).join('\r\n');

let gbkTable: Map<string, Buffer> | undefined;
function gbkCodes() {
  if (gbkTable) return gbkTable;
  gbkTable = new Map();
  const decoder = new TextDecoder('gbk', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const bytes = Buffer.from([lead, trail]);
      try {
        const ch = decoder.decode(bytes);
        if (!gbkTable.has(ch)) gbkTable.set(ch, bytes);
      } catch {
        // not a GBK code
      }
    }
  return gbkTable;
}

/** The text in GBK (ASCII as itself, every other character by its two-byte code). */
export function gbk(text: string): Buffer {
  const table = gbkCodes();
  return Buffer.concat(
    [...text].map((ch) => {
      if (ch.charCodeAt(0) < 0x80) return Buffer.from(ch);
      const code = table.get(ch);
      if (!code) throw new Error(`no GBK code for ${ch}`);
      return code;
    }),
  );
}
