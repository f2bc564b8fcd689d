import type { Label, Lang } from '../../lib/errors';
import { toXlsx } from '../../lib/excel';
import { formatYuan } from '../../lib/money';
import { renderPdf, type PdfBlock } from '../../lib/pdf';
import type { PrintContext } from '../../lib/printable';
import { roleLabels } from '../auth/role.labels';
import { complaintTypeLabels } from '../feedback/complaint.labels';
import { figureLabels, reportNotes, reportWords as w, returnReasonNames, stageNames } from './report.labels';
import type { Figure, KpiRow, MonthlyReport, SalesRow } from './report.types';

// The monthly report as a workbook and as a PDF: every figure with its definition first, then the tables.

type Table = { title: Label; columns: Label[]; rows: (string | number)[][]; right?: number[] };

const pick = (l: Label, lang: Lang) => (lang === 'en' ? l.en : l.zh);
const nameIn = (names: Record<string, Label>, code: string, lang: Lang) =>
  names[code] ? pick(names[code], lang) : code;
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const yuan = (fen: number) => formatYuan(BigInt(Math.round(fen)));

function figureValue(f: Figure): string {
  if (f.value === null) return '—';
  if (f.unit === 'rate') return pct(f.value);
  if (f.unit === 'fen') return yuan(f.value);
  if (f.unit === 'hours') return f.value.toFixed(1);
  return String(f.value);
}

function figureRatio(f: Figure): string {
  if (f.unit !== 'rate' || f.numerator === undefined) return '';
  return f.key === 'collectionRate'
    ? `${yuan(f.numerator)} / ${yuan(f.denominator ?? 0)}`
    : `${f.numerator} / ${f.denominator}`;
}

const salesTable = (title: Label, rows: SalesRow[]): Table => ({
  title,
  columns: [w.name, w.orders, w.amount],
  rows: rows.map((r) => [r.name, r.orderCount, yuan(r.amountFen)]),
  right: [1, 2],
});

function kpiTable(title: Label, rows: KpiRow[], lang: Lang, roles: boolean): Table {
  return {
    title,
    columns: [w.name, w.orders, figureLabels.onTimeProcessingRate.label, w.accuracy, w.satisfaction, w.collection],
    rows: rows.map((r) => [
      roles ? nameIn(roleLabels, r.key, lang) : r.name,
      r.orderCount,
      pct(r.onTimeProcessingRate),
      pct(r.accuracyRate),
      pct(r.satisfaction),
      pct(r.collectionRate),
    ]),
    right: [1, 2, 3, 4, 5],
  };
}

/** The tables after the figures, in the order both documents print them. */
function tables(r: MonthlyReport, lang: Lang): Table[] {
  return [
    {
      title: w.stages,
      columns: [w.stage, w.count, w.avgHours, w.onTimeRate],
      rows: r.stageCycles.map((s) => [
        nameIn(stageNames, s.stage, lang),
        s.count,
        s.avgHours ?? '—',
        pct(s.onTimeRate),
      ]),
      right: [1, 2, 3],
    },
    {
      title: w.complaintReasons,
      columns: [w.reason, w.count],
      rows: r.complaintReasons.map((x) => [nameIn(complaintTypeLabels, x.reason, lang), x.count]),
      right: [1],
    },
    {
      title: w.returnReasons,
      columns: [w.reason, w.count],
      rows: r.returnReasons.map((x) => [nameIn(returnReasonNames, x.reason, lang), x.count]),
      right: [1],
    },
    {
      title: w.aging,
      columns: [w.bucket, w.amount, w.count],
      rows: r.agingBuckets.map((b) => [b.bucket, yuan(b.amountFen), b.count]),
      right: [1, 2],
    },
    salesTable(w.byRegion, r.sales.byRegion),
    salesTable(w.byCustomer, r.sales.byCustomer),
    salesTable(w.byProduct, r.sales.byProduct),
    salesTable(w.bySalesperson, r.sales.bySalesperson),
    kpiTable(w.clerks, r.kpis.clerks, lang, false),
    kpiTable(w.departments, r.kpis.departments, lang, true),
    {
      title: w.customerRegions,
      columns: [w.name, w.customers, w.orders, w.amount],
      rows: r.customers.byRegion.map((x) => [x.name, x.customerCount, x.orderCount, yuan(x.amountFen)]),
      right: [1, 2, 3],
    },
    {
      title: w.abc,
      columns: [w.name, w.amount, w.orders, w.amountClass, w.frequencyClass],
      rows: r.customers.abc.map((x) => [x.name, yuan(x.amountFen), x.orderCount, x.amountClass, x.frequencyClass]),
      right: [1, 2],
    },
    {
      title: w.fallingOff,
      columns: [w.name, w.amount, w.previousAvg, w.dropRate],
      rows: r.customers.fallingOff.map((x) => [
        x.name,
        yuan(x.monthAmountFen),
        yuan(x.previousAvgFen),
        pct(x.dropRate),
      ]),
      right: [1, 2, 3],
    },
  ];
}

const figureRows = (r: MonthlyReport, lang: Lang) =>
  r.figures.map((f) => [
    pick(figureLabels[f.key].label, lang),
    figureValue(f),
    figureRatio(f),
    pick(figureLabels[f.key].definition, lang),
  ]);

export async function reportXlsx(r: MonthlyReport, lang: Lang): Promise<Buffer> {
  const col = (key: string, header: Label, width = 16) => ({ key, header: pick(header, lang), width });
  const figures = {
    name: pick(w.figures, lang),
    columns: [
      col('figure', w.figure, 24),
      col('value', w.value),
      col('ratio', w.ratio, 24),
      col('definition', w.definition, 90),
    ],
    rows: [
      ...figureRows(r, lang).map(([figure, value, ratio, definition]) => ({ figure, value, ratio, definition })),
      ...reportNotes.map((n) => ({ figure: pick(w.notes, lang), definition: pick(n, lang) })),
    ],
  };
  const rest = tables(r, lang).map((t) => ({
    name: pick(t.title, lang),
    columns: t.columns.map((c, i) => col(`c${i}`, c, i === 0 ? 28 : 16)),
    rows: t.rows.map((row) => Object.fromEntries(row.map((v, i) => [`c${i}`, v]))),
  }));
  return toXlsx([figures, ...rest]);
}

export async function reportPdf(r: MonthlyReport, print: PrintContext): Promise<Buffer> {
  const lang = print.lang;
  const blocks: PdfBlock[] = [
    {
      kind: 'fields',
      pairs: [
        [pick(w.month, lang), r.month],
        [pick(w.builtAt, lang), r.builtAt.slice(0, 16).replace('T', ' ') + ' UTC'],
      ],
    },
    { kind: 'heading', text: pick(w.figures, lang) },
    {
      kind: 'table',
      columns: [w.figure, w.value, w.ratio, w.definition].map((c) => pick(c, lang)),
      rows: figureRows(r, lang),
      align: ['left', 'right', 'right', 'left'],
    },
    ...reportNotes.map((n): PdfBlock => ({ kind: 'paragraph', text: pick(n, lang) })),
  ];
  for (const t of tables(r, lang)) {
    blocks.push({ kind: 'heading', text: pick(t.title, lang) });
    blocks.push({
      kind: 'table',
      columns: t.columns.map((c) => pick(c, lang)),
      rows: t.rows,
      align: t.columns.map((_, i) => (t.right?.includes(i) ? 'right' : 'left')),
    });
  }
  return renderPdf({ title: `${pick(w.title, lang)} ${r.month}`, print, blocks });
}
