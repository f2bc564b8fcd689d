import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { parseMoney } from '../../lib/money';
import { renderPdf } from '../../lib/pdf';
import { formXlsx, type Form, type PrintContext } from '../../lib/printable';
import type { Actor } from '../auth/auth.service';
import { paymentMethodLabels } from '../customers/customer.labels';
import { getQuotation } from './quotation.service';

// 形式发票 (proforma invoice): an export quotation as the foreign customer receives it, in English — seller and
// factory, buyer, the PI number (quotation number and version), lines with model, quantity, unit price and amount
// in the quotation's currency, delivery, payment, packing, containers and the trade term with its ports.

/** "USD 12,345.60" */
export function currencyAmount(currency: string, amount: string) {
  const fen = parseMoney(amount);
  const abs = fen < 0n ? -fen : fen;
  const int = String(abs / 100n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0n ? '-' : ''}${currency} ${int}.${String(abs % 100n).padStart(2, '0')}`;
}

export async function proformaForm(db: Db, actor: Actor, env: Env, id: string, print: PrintContext): Promise<Form> {
  const q = await getQuotation(db, actor, env, id);
  if (!q.export)
    throw new AppError('VALIDATION.FAILED', { summary: 'kind' }, [
      { path: 'kind', message: 'a proforma invoice is made for export quotations only' },
    ]);
  const p: PrintContext = { ...print, lang: 'en' };
  const method = q.paymentMethod as keyof typeof paymentMethodLabels | null;
  const payment = method
    ? `${paymentMethodLabels[method]?.en ?? method}${method === 'credit' ? ` ${q.paymentDays} days` : ''}`
    : '';
  const containers = q.containerType ? `${q.containerType} × ${q.containerCount ?? 0}` : '';
  const money = (a: string) => currencyAmount(q.currency, a);
  return {
    print: p,
    title: 'Proforma Invoice',
    head: [
      ['PI No.', `${q.number}-V${q.version}`],
      ['Date', p.printedOn],
      ['Seller', p.company],
      ['Factory', p.company],
      ['Buyer', `${q.customer.name} (${q.customer.code})`],
      ['Valid until', q.validUntil],
      ['Currency', q.currency],
      ['Delivery date', q.expectedDeliveryDate ?? ''],
      ['Payment terms', payment],
      ['Packing', q.packingTerms],
      ['Container', containers],
      ['Trade term', q.tradeTerm ?? ''],
      ['Port of loading', q.portOfLoading ?? ''],
      ['Port of destination', q.portOfDestination ?? ''],
      ['Remarks', q.remarks],
    ],
    table: {
      columns: ['No.', 'Model', 'Description', 'Quantity', 'Unit', 'Unit price', 'Amount'],
      rows: q.lines.map((l) => [
        l.lineNo,
        l.sku,
        [l.name, l.spec].filter(Boolean).join(' '),
        l.qty,
        l.unit,
        money(l.unitPrice),
        money(l.amount),
      ]),
    },
    foot: [[`Total ${q.tradeTerm ?? ''}`.trim(), money(q.total)]],
  };
}

export const proformaXlsx = (f: Form) => formXlsx(f);

export function proformaPdf(f: Form): Promise<Buffer> {
  const right = f.table.columns.map((_, i) => (i === 0 || i === 3 || i >= 5 ? 'right' : 'left') as 'left' | 'right');
  return renderPdf({
    title: f.title,
    print: f.print,
    blocks: [
      { kind: 'heading', text: f.title },
      { kind: 'fields', pairs: f.head },
      { kind: 'table', columns: f.table.columns, rows: f.table.rows, align: right },
      { kind: 'fields', pairs: f.foot },
    ],
  });
}
