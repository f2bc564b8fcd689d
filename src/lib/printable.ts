import ExcelJS from 'exceljs';
import type { Label, Lang } from './errors';
import { formatYuan, toChineseCapital } from './money';

// Printable forms (orders, shipping, receivables, changes, returns): one data model per form, rendered as
// print-styled HTML and as xlsx, in the language of the request. Every form is headed by the company's name
// and the day it was printed (the request clock, in the company's time zone).
// The print button carries no script: /print.js prints the page for any `<button data-print>`.

/** Who prints, in which language, on which day: the same header on every printed form. */
export type PrintContext = { lang: Lang; company: string; printedOn: string; timeZone: string };

export type Form = {
  print: PrintContext;
  title: string;
  head: [string, string][];
  table: { columns: string[]; rows: (string | number)[][] };
  foot: [string, string][];
};

/** `t('订单编号', 'Order No.')`: the form's own words in the print language. */
export const wordsFor =
  (p: PrintContext) =>
  (zh: string, en: string): string =>
    p.lang === 'en' ? en : zh;

/** A named value (a state, a kind) in the print language. */
export const labelFor = (p: PrintContext, l: Label | undefined, fallback: string) =>
  l ? (p.lang === 'en' ? l.en : l.zh) : fallback;

/** A moment as YYYY-MM-DD HH:mm in the company's time zone. */
export function printTime(p: PrintContext, d: Date | string | null | undefined): string {
  if (!d) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: p.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(d));
  const get = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** The header lines every form carries: company and print date. */
export function printHeader(p: PrintContext): [string, string][] {
  const t = wordsFor(p);
  return [
    [t('公司', 'Company'), p.company],
    [t('打印日期', 'Printed on'), p.printedOn],
  ];
}

/** The total, and in Chinese capitals (大写) on Chinese forms, as Chinese accounting expects. */
export function totalRows(p: PrintContext, total: bigint): [string, string][] {
  const t = wordsFor(p);
  const rows: [string, string][] = [[t('合计', 'Total'), formatYuan(total)]];
  if (p.lang !== 'en') rows.push(['大写', toChineseCapital(total)]);
  return rows;
}

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE =
  'body{font-family:"WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;margin:24px;color:#111}' +
  'h1{font-size:20px;text-align:center}.company{text-align:center;font-size:16px;margin:0}' +
  '.printed{text-align:right;font-size:12px;margin:0}\n' +
  'table{border-collapse:collapse;width:100%;margin:12px 0}' +
  'th,td{border:1px solid #444;padding:4px 6px;font-size:12px;text-align:left}\n' +
  'th{background:#f3f3f3;width:18%}.lines th{width:auto}@media print{button{display:none}body{margin:0}}';

export function formHtml(f: Form): string {
  const t = wordsFor(f.print);
  const [[, company], [printedLabel, printedOn]] = printHeader(f.print);
  const pairs = (rows: [string, string][]) =>
    rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('');
  const header = f.table.columns.map((c) => `<th>${esc(c)}</th>`).join('');
  const lines = f.table.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('');
  return (
    `<!doctype html><html lang="${f.print.lang}"><head><meta charset="utf-8"><title>${esc(f.title)}</title>` +
    `<style>\n${STYLE}\n</style><script src="/print.js"></script></head>` +
    `<body><button type="button" data-print>${esc(t('打印', 'Print'))}</button>\n` +
    `<p class="company" data-company>${esc(company)}</p><h1>${esc(f.title)}</h1>\n` +
    `<p class="printed" data-printed-on>${esc(printedLabel)}: ${esc(printedOn)}</p>\n` +
    `<table>${pairs(f.head)}</table>\n` +
    `<table class="lines"><tr>${header}</tr>${lines}</table>\n` +
    `<table>${pairs(f.foot)}</table></body></html>`
  );
}

export async function formXlsx(f: Form): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(f.title.replace(/[*?:\\/[\]]/g, ' ').slice(0, 31));
  ws.addRow([f.print.company]).font = { bold: true, size: 12 };
  ws.addRow([f.title]).font = { bold: true, size: 14 };
  for (const [k, v] of printHeader(f.print).slice(1)) ws.addRow([k, v]);
  for (const [k, v] of f.head) ws.addRow([k, v]);
  ws.addRow([]);
  ws.addRow(f.table.columns).font = { bold: true };
  for (const r of f.table.rows) ws.addRow(r);
  ws.addRow([]);
  for (const [k, v] of f.foot) ws.addRow([k, v]);
  ws.columns.forEach((c) => (c.width = 18));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
