import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { formatMoney, parseMoney } from '../../lib/money';
import type { Form, PrintContext } from '../../lib/printable';
import type { Actor } from '../auth/auth.service';
import * as repo from './trade-document.repository';

// Commercial invoice and packing list of a shipment, in English (the buyer's and the bank's papers). Amounts are
// in the order's currency; the products carry no carton or weight data, so the packing list gives quantities.
const money = (fen: bigint) => formatMoney(fen).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

async function load(db: Db, actor: Actor, shipmentId: string) {
  const head = await repo.shipmentHead(db, actor.companyId, shipmentId);
  if (!head) throw new AppError('SHIPMENT.NOT_FOUND');
  const lines = await repo.shipmentDocumentLines(db, actor.companyId, shipmentId);
  const first = lines[0];
  const terms = {
    currency: first?.currency ?? 'CNY',
    tradeTerm: first?.trade_term ?? '',
    from: first?.port_of_loading ?? '',
    to: first?.port_of_destination ?? '',
    container: first?.container_type ? `${first.container_count ?? 1} x ${first.container_type}` : '',
  };
  const date = (head.shipped_at ?? head.created_at).toISOString().slice(0, 10);
  return { head, lines, terms, date };
}

function parties(p: PrintContext, d: Awaited<ReturnType<typeof load>>, docNo: string): [string, string][] {
  return [
    ['Seller', p.company],
    ['Buyer', d.head.customer_name],
    ['Consignee', `${d.head.consignee.consignee}, ${d.head.consignee.address}`],
    [docNo, d.head.number],
    ['Date', d.date],
    ['Order No.', [...new Set(d.lines.map((l) => l.order_number))].join(', ')],
    ['Trade term', [d.terms.tradeTerm, d.terms.tradeTerm && d.terms.to].filter(Boolean).join(' ')],
    ['Port of loading', d.terms.from],
    ['Port of destination', d.terms.to],
    ['Currency', d.terms.currency],
  ];
}

export async function commercialInvoice(db: Db, actor: Actor, shipmentId: string, print: PrintContext): Promise<Form> {
  const d = await load(db, actor, shipmentId);
  const p = { ...print, lang: 'en' as const };
  const total = d.lines.reduce((n, l) => n + parseMoney(l.unit_price) * BigInt(l.qty), 0n);
  return {
    print: p,
    title: 'COMMERCIAL INVOICE',
    head: parties(p, d, 'Invoice No.'),
    table: {
      columns: [
        'No.',
        'Item',
        'Description',
        'Qty',
        'Unit',
        `Unit price (${d.terms.currency})`,
        `Amount (${d.terms.currency})`,
      ],
      rows: d.lines.map((l) => [
        l.line_no,
        l.sku,
        [l.name, l.spec].filter(Boolean).join(' '),
        l.qty,
        l.unit,
        money(parseMoney(l.unit_price)),
        money(parseMoney(l.unit_price) * BigInt(l.qty)),
      ]),
    },
    foot: [[`Total (${d.terms.currency})`, `${d.terms.currency} ${money(total)}`]],
  };
}

export async function packingList(db: Db, actor: Actor, shipmentId: string, print: PrintContext): Promise<Form> {
  const d = await load(db, actor, shipmentId);
  const p = { ...print, lang: 'en' as const };
  const qty = d.lines.reduce((n, l) => n + l.qty, 0);
  return {
    print: p,
    title: 'PACKING LIST',
    head: [...parties(p, d, 'Packing list No.'), ['Container', d.terms.container]],
    table: {
      columns: ['No.', 'Item', 'Description', 'Qty', 'Unit'],
      rows: d.lines.map((l) => [l.line_no, l.sku, [l.name, l.spec].filter(Boolean).join(' '), l.qty, l.unit]),
    },
    foot: [['Total quantity', String(qty)]],
  };
}
