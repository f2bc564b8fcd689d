import ExcelJS from 'exceljs';

// Printable forms (orders, shipping, receivables): one data model per form, rendered as print-styled HTML and
// as xlsx. The print button carries no script: /print.js prints the page for any `<button data-print>`.

export type Form = {
  title: string;
  head: [string, string][];
  table: { columns: string[]; rows: (string | number)[][] };
  foot: [string, string][];
};

/** A value named in both languages, as the forms' labels are ("已确认 Confirmed"). */
export const bilingual = (l: { zh: string; en: string }) => `${l.zh} ${l.en}`;

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE =
  'body{font-family:"WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;margin:24px;color:#111}' +
  'h1{font-size:20px;text-align:center}\n' +
  'table{border-collapse:collapse;width:100%;margin:12px 0}' +
  'th,td{border:1px solid #444;padding:4px 6px;font-size:12px;text-align:left}\n' +
  'th{background:#f3f3f3;width:18%}.lines th{width:auto}@media print{button{display:none}body{margin:0}}';

export function formHtml(f: Form): string {
  const pairs = (rows: [string, string][]) =>
    rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('');
  const header = f.table.columns.map((c) => `<th>${esc(c)}</th>`).join('');
  const lines = f.table.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('');
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(f.title)}</title>` +
    `<style>\n${STYLE}\n</style><script src="/print.js"></script></head>` +
    `<body><button type="button" data-print>打印 Print</button><h1>${esc(f.title)}</h1>\n` +
    `<table>${pairs(f.head)}</table>\n` +
    `<table class="lines"><tr>${header}</tr>${lines}</table>\n` +
    `<table>${pairs(f.foot)}</table></body></html>`
  );
}

export async function formXlsx(f: Form): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(f.title.split(' ')[0]);
  ws.addRow([f.title]).font = { bold: true, size: 14 };
  for (const [k, v] of f.head) ws.addRow([k, v]);
  ws.addRow([]);
  ws.addRow(f.table.columns).font = { bold: true };
  for (const r of f.table.rows) ws.addRow(r);
  ws.addRow([]);
  for (const [k, v] of f.foot) ws.addRow([k, v]);
  ws.columns.forEach((c) => (c.width = 18));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
