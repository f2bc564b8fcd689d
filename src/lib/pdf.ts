import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { printHeader, type Form, type PrintContext } from './printable';

// Documents that leave the company or go to the archive, as PDF: A4, the company and print date at the top of
// every page, "第 n / N 页" at the bottom. The text face is Noto Sans SC from npm, embedded as a subset of the
// glyphs used, so Chinese renders on any machine without a system font or a browser.

export type PdfBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'fields'; pairs: [string, string][] }
  | { kind: 'table'; columns: string[]; rows: (string | number)[][]; align?: ('left' | 'right')[] }
  | { kind: 'paragraph'; text: string }
  | { kind: 'image'; data: Buffer; caption?: string; maxHeight?: number }
  | { kind: 'pageBreak' };
export type PdfDoc = { title: string; print: PrintContext; blocks: PdfBlock[] };

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;
/** The two faces, read from disk once per process. */
function faces() {
  fonts ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')),
  };
  return fonts;
}

const MARGIN = 40;
const HEADER = 22; // the company line at the top of each page
const FOOTER = 18; // the page number inside the bottom margin
const SIZE = 9.5;
const PAD = 3;
const GREY = '#555555';
const LINE = '#999999';

type Doc = PDFKit.PDFDocument;

const words = (p: PrintContext) => (zh: string, en: string) => (p.lang === 'en' ? en : zh);

function drawHeader(doc: Doc, print: PrintContext) {
  const [[, company], [printedLabel, printedOn]] = printHeader(print);
  const width = doc.page.width - 2 * MARGIN;
  doc.font('regular').fontSize(8).fillColor(GREY);
  doc.text(company, MARGIN, MARGIN, { width: width / 2, lineBreak: false, ellipsis: true });
  doc.text(`${printedLabel}: ${printedOn}`, MARGIN + width / 2, MARGIN, { width: width / 2, align: 'right' });
  doc
    .moveTo(MARGIN, MARGIN + 13)
    .lineTo(MARGIN + width, MARGIN + 13)
    .lineWidth(0.5)
    .strokeColor(LINE)
    .stroke();
  doc.fillColor('black').font('regular').fontSize(SIZE);
  doc.x = MARGIN;
  doc.y = MARGIN + HEADER;
}

/** The lowest y a body line may reach on the current page. */
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;
const bodyWidth = (doc: Doc) => doc.page.width - 2 * MARGIN;

/** Starts a new page unless `height` still fits on this one. */
function ensure(doc: Doc, height: number) {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function heading(doc: Doc, text: string) {
  doc.font('bold').fontSize(12);
  const h = doc.heightOfString(text, { width: bodyWidth(doc) });
  ensure(doc, h + 30); // never leave a heading alone at the foot of a page
  doc.y += 6;
  doc.text(text, MARGIN, doc.y, { width: bodyWidth(doc) });
  const y = doc.y + 1;
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + bodyWidth(doc), y)
    .lineWidth(0.8)
    .strokeColor('#333333')
    .stroke();
  doc.y = y + 5;
  doc.font('regular').fontSize(SIZE);
}

function fields(doc: Doc, pairs: [string, string][]) {
  const half = bodyWidth(doc) / 2;
  const labelW = half * 0.34;
  const valueW = half - labelW - 8;
  for (let i = 0; i < pairs.length; i += 2) {
    const row = pairs.slice(i, i + 2);
    doc.fontSize(SIZE);
    const h =
      Math.max(
        ...row.map(([k, v]) =>
          Math.max(
            doc.font('bold').heightOfString(k || ' ', { width: labelW }),
            doc.font('regular').heightOfString(v || ' ', { width: valueW }),
          ),
        ),
      ) + 2;
    ensure(doc, h);
    const y = doc.y;
    row.forEach(([k, v], j) => {
      const x = MARGIN + j * half;
      doc.font('bold').fillColor(GREY).text(k, x, y, { width: labelW });
      doc
        .font('regular')
        .fillColor('black')
        .text(v || '—', x + labelW + 4, y, { width: valueW });
    });
    doc.y = y + h;
  }
  doc.x = MARGIN;
  doc.y += 4;
}

/** Column widths by content length, each at least a share of the page. */
function columnWidths(doc: Doc, columns: string[], rows: string[][]) {
  const weight = columns.map((c, i) =>
    Math.min(
      40,
      Math.max(
        4,
        ...[c, ...rows.map((r) => r[i] ?? '')].map((s) =>
          [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0),
        ),
      ),
    ),
  );
  const sum = weight.reduce((a, b) => a + b, 0);
  return weight.map((w) => (bodyWidth(doc) * w) / sum);
}

function table(doc: Doc, block: Extract<PdfBlock, { kind: 'table' }>) {
  const rows = block.rows.map((r) => r.map((c) => String(c ?? '')));
  const widths = columnWidths(doc, block.columns, rows);
  const rowHeight = (cells: string[], font: string) =>
    Math.max(
      ...cells.map((c, i) =>
        doc
          .font(font)
          .fontSize(SIZE)
          .heightOfString(c || ' ', { width: widths[i] - 2 * PAD }),
      ),
    ) +
    2 * PAD;
  const drawRow = (cells: string[], font: string, fill?: string) => {
    const h = rowHeight(cells, font);
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      if (fill) doc.rect(x, y, widths[i], h).fill(fill);
      doc.rect(x, y, widths[i], h).lineWidth(0.5).strokeColor(LINE).stroke();
      doc
        .fillColor('black')
        .font(font)
        .fontSize(SIZE)
        .text(c, x + PAD, y + PAD, {
          width: widths[i] - 2 * PAD,
          align: font === 'bold' ? 'left' : (block.align?.[i] ?? 'left'),
        });
      x += widths[i];
    });
    doc.x = MARGIN;
    doc.y = y + h;
  };
  const headerHeight = rowHeight(block.columns, 'bold');
  ensure(doc, headerHeight + (rows[0] ? rowHeight(rows[0], 'regular') : 0));
  drawRow(block.columns, 'bold', '#eeeeee');
  for (const r of rows) {
    const cells = block.columns.map((_, i) => r[i] ?? '');
    if (doc.y + rowHeight(cells, 'regular') > bottom(doc)) {
      doc.addPage();
      drawRow(block.columns, 'bold', '#eeeeee');
    }
    drawRow(cells, 'regular');
  }
  doc.y += 6;
}

function paragraph(doc: Doc, text: string) {
  doc.font('regular').fontSize(SIZE).fillColor('black');
  ensure(doc, doc.currentLineHeight(true));
  doc.text(text, MARGIN, doc.y, { width: bodyWidth(doc) });
  doc.y += 4;
}

function image(doc: Doc, print: PrintContext, block: Extract<PdfBlock, { kind: 'image' }>) {
  // pdfkit reads PNG and JPEG; openImage (not in its type declarations) gives the size before placing it.
  const open = (doc as unknown as { openImage(b: Buffer): { width: number; height: number } }).openImage;
  let img: { width: number; height: number };
  try {
    img = open.call(doc, block.data);
  } catch {
    paragraph(doc, `${block.caption ?? ''} (${words(print)('图像无法显示', 'image cannot be shown')})`);
    return;
  }
  const maxH = Math.min(block.maxHeight ?? 360, bottom(doc) - MARGIN - HEADER - 20);
  const scale = Math.min(1, bodyWidth(doc) / img.width, maxH / img.height);
  const w = img.width * scale;
  const h = img.height * scale;
  ensure(doc, h + (block.caption ? 16 : 4));
  doc.image(img as unknown as Buffer, MARGIN, doc.y, { width: w, height: h });
  doc.y += h + 2;
  if (block.caption) {
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(GREY)
      .text(block.caption, MARGIN, doc.y, { width: bodyWidth(doc) });
    doc.fillColor('black').fontSize(SIZE);
  }
  doc.y += 6;
}

function footers(doc: Doc, print: PrintContext) {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const n = i + 1;
    const label = print.lang === 'en' ? `Page ${n} of ${range.count}` : `第 ${n} / ${range.count} 页`;
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 }; // write inside the bottom margin without starting a page
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(GREY)
      .text(label, MARGIN, doc.page.height - MARGIN + 6, { width: bodyWidth(doc), align: 'center', lineBreak: false });
    doc.page.margins = margins;
  }
}

export function renderPdf(input: PdfDoc): Promise<Buffer> {
  const { regular, bold } = faces();
  const doc = new PDFDocument({
    size: 'A4',
    // Body text stays clear of the header and footer lines drawn in the 40 pt page margins.
    margins: { top: MARGIN + HEADER, bottom: MARGIN + FOOTER, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: false,
    info: { Title: input.title, Creator: input.print.company, Producer: 'Luyue' },
    lang: input.print.lang,
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  doc.on('pageAdded', () => drawHeader(doc, input.print));
  doc.addPage();
  doc
    .font('bold')
    .fontSize(16)
    .text(input.title, MARGIN, doc.y, { width: bodyWidth(doc), align: 'center' });
  doc.y += 8;
  for (const b of input.blocks) {
    if (b.kind === 'heading') heading(doc, b.text);
    else if (b.kind === 'fields') fields(doc, b.pairs);
    else if (b.kind === 'table') table(doc, b);
    else if (b.kind === 'paragraph') paragraph(doc, b.text);
    else if (b.kind === 'image') image(doc, input.print, b);
    else if (b.kind === 'pageBreak') doc.addPage();
  }
  footers(doc, input.print);
  doc.end();
  return done;
}

/** A printable form (the same model as the HTML and xlsx forms) as PDF. */
export function formToPdf(form: Form): Promise<Buffer> {
  const blocks: PdfBlock[] = [];
  if (form.head.length) blocks.push({ kind: 'fields', pairs: form.head });
  if (form.table.columns.length) {
    const align = form.table.columns.map((_, i) =>
      form.table.rows.length > 0 &&
      form.table.rows.every((r) => typeof r[i] === 'number' || /^-?¥?[\d,]+(\.\d+)?$/.test(String(r[i] ?? '')))
        ? ('right' as const)
        : ('left' as const),
    );
    blocks.push({ kind: 'table', columns: form.table.columns, rows: form.table.rows, align });
  }
  if (form.foot.length) blocks.push({ kind: 'fields', pairs: form.foot });
  return renderPdf({ title: form.title, print: form.print, blocks });
}
