import type { Db } from '../../db/database';
import type { Lang } from '../../lib/errors';
import { localXlsx, nameOf } from '../../lib/local-sheet';
import { invoiceTypeLabels } from '../../lib/reason-codes';
import type { Actor } from '../auth/auth.service';
import { pageOf } from '../../lib/paging';
import type { PageQuery } from '../../lib/schemas';
import * as repo from './receivable.repository';
import { aging, openReceivables } from './receivable.service';

// The finance lists (发票, 应收, 账龄) as their filters show them, on screen and in Excel in the user's language.
export const INVOICE_TYPES = ['normal', 'special', 'digital'] as const;
export const BUCKETS = ['not_due', '0-30', '31-60', '61-90', '>90', 'paid'] as const;
const EXPORT_LIMIT = 10_000;

const BUCKET_LABELS = {
  not_due: { zh: '未到期', en: 'Not due' },
  '0-30': { zh: '逾期0-30天', en: '0-30 days overdue' },
  '31-60': { zh: '逾期31-60天', en: '31-60 days overdue' },
  '61-90': { zh: '逾期61-90天', en: '61-90 days overdue' },
  '>90': { zh: '逾期90天以上', en: 'Over 90 days overdue' },
  paid: { zh: '已结清', en: 'Paid' },
};
const CUSTOMER_CODE = { key: 'customerCode', header: { zh: '客户编码', en: 'Customer code' } };
const CUSTOMER = { key: 'customerName', header: { zh: '客户', en: 'Customer' }, width: 24 };

const invoiceOf = (r: Awaited<ReturnType<typeof repo.listInvoices>>[number]) => ({
  id: r.id,
  orderId: r.order_id,
  orderNumber: r.order_number,
  customerCode: r.customer_code,
  customerName: r.customer_name,
  number: r.number,
  issuedOn: r.issued_on,
  amount: r.amount,
  taxRate: r.tax_rate,
  type: r.type,
  outboundVoucher: r.outbound_voucher,
});

/** Every invoice the filter shows, newest first (exports and printed forms). */
export async function allInvoices(db: Db, actor: Actor, f: repo.InvoiceFilter) {
  return (await repo.listInvoices(db, actor.companyId, f, EXPORT_LIMIT)).map(invoiceOf);
}

/** One page of the invoices the filter shows, newest first unless sorted. */
export async function listInvoices(db: Db, actor: Actor, f: repo.InvoiceFilter, q: PageQuery) {
  const page = await repo.pageInvoices(db, actor.companyId, f, q);
  return { ...page, items: page.items.map(invoiceOf) };
}

export async function exportInvoices(db: Db, actor: Actor, f: repo.InvoiceFilter, lang: Lang) {
  const rows = await allInvoices(db, actor, f);
  return localXlsx(
    { zh: '发票', en: 'Invoices' },
    [
      { key: 'number', header: { zh: '发票号', en: 'Invoice' } },
      { key: 'orderNumber', header: { zh: '订单号', en: 'Order' } },
      CUSTOMER_CODE,
      CUSTOMER,
      { key: 'issuedOn', header: { zh: '开票日期', en: 'Issued on' } },
      { key: 'amount', header: { zh: '金额', en: 'Amount' } },
      { key: 'taxRate', header: { zh: '税率%', en: 'Tax rate %' } },
      { key: 'type', header: { zh: '发票类型', en: 'Invoice type' }, width: 20 },
      { key: 'outboundVoucher', header: { zh: '出库单号', en: 'Outbound voucher' } },
    ],
    rows.map((r) => ({ ...r, type: nameOf(invoiceTypeLabels, r.type, lang) })),
    lang,
  );
}

/** 应收's filter: customer, due between from and to, aging bucket, search; `open` leaves out what is paid. */
export type ReceivableFilter = {
  customerId?: string;
  from?: string;
  to?: string;
  bucket?: (typeof BUCKETS)[number];
  open?: boolean;
  q?: string;
};

const matches = (q: string | undefined, ...texts: (string | null | undefined)[]) =>
  !q || texts.some((x) => x?.toLowerCase().includes(q.toLowerCase()));

/** Every receivable the filter shows (computed, not stored: outstanding and bucket depend on today). */
export async function filteredReceivables(db: Db, actor: Actor, today: string, f: ReceivableFilter) {
  return (await openReceivables(db, actor.companyId, today, f.customerId)).filter(
    (r) =>
      (!f.open || r.bucket !== 'paid') &&
      (!f.bucket || r.bucket === f.bucket) &&
      (!f.from || r.dueDate >= f.from) &&
      (!f.to || r.dueDate <= f.to) &&
      matches(f.q, r.customerName, r.customerCode, r.orderNumber),
  );
}

/** One page of the receivables the filter shows. */
export async function listReceivables(db: Db, actor: Actor, today: string, f: ReceivableFilter, q: PageQuery) {
  return pageOf(await filteredReceivables(db, actor, today, f), q);
}

/** Every customer's aging the filter shows (customer, search by name). */
async function filteredAging(db: Db, actor: Actor, today: string, customerId?: string, q?: string) {
  return (await aging(db, actor, today, customerId)).filter((r) => matches(q, String(r.customerName ?? '')));
}

/** One page of the aging, a row per customer. */
export async function listAging(db: Db, actor: Actor, today: string, customerId: string | undefined, q: PageQuery) {
  return pageOf(await filteredAging(db, actor, today, customerId, q.q), q);
}

export async function exportReceivables(db: Db, actor: Actor, today: string, f: ReceivableFilter, lang: Lang) {
  const rows = await filteredReceivables(db, actor, today, f);
  return localXlsx(
    { zh: '应收', en: 'Receivables' },
    [
      CUSTOMER_CODE,
      CUSTOMER,
      { key: 'orderNumber', header: { zh: '订单号', en: 'Order' } },
      { key: 'amount', header: { zh: '金额', en: 'Amount' } },
      { key: 'outstanding', header: { zh: '未收', en: 'Outstanding' } },
      { key: 'dueDate', header: { zh: '到期日', en: 'Due date' } },
      { key: 'daysOverdue', header: { zh: '逾期天数', en: 'Days overdue' } },
      { key: 'bucket', header: { zh: '账龄', en: 'Aging' }, width: 20 },
    ],
    rows.slice(0, EXPORT_LIMIT).map((r) => ({
      ...r,
      orderNumber: r.orderNumber ?? '',
      bucket: nameOf(BUCKET_LABELS, r.bucket, lang),
    })),
    lang,
  );
}

export async function exportAging(
  db: Db,
  actor: Actor,
  today: string,
  f: { customerId?: string; q?: string },
  lang: Lang,
) {
  const rows = await filteredAging(db, actor, today, f.customerId, f.q);
  const buckets = ['not_due', '0-30', '31-60', '61-90', '>90'] as const;
  return localXlsx(
    { zh: '账龄', en: 'Aging' },
    [
      CUSTOMER,
      ...buckets.map((b) => ({ key: b, header: BUCKET_LABELS[b] })),
      { key: 'total', header: { zh: '合计', en: 'Total' } },
    ],
    rows,
    lang,
  );
}
