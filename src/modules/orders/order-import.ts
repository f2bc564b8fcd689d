import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database';
import { AppError, translate, type Lang } from '../../lib/errors';
import type { ImportError, Sheet } from '../../lib/excel';
import { importFailed } from '../../lib/import-rows';
import type { Actor } from '../auth/auth.service';
import { findCustomersByCodes } from '../customers/customer.repository';
import { findProductsBySkus } from '../products/product.repository';
import { getSettings } from '../settings/settings.service';
import { findDefaultWarehouse } from './order.repository';
import { createOrderBody, type CreateOrderInput } from './order.schemas';
import { customerDefaults, priceOrderLines, type PricingProduct } from './order-pricing';
import { linesTotalFits } from '../../lib/schema';
import { checkOrderRows, hintOf, plain, readOrderFile, type SheetLine } from './order-import.sheet';
import { writeOrders, type SheetOrder } from './order-import.write';

export type OrderImportOptions = {
  lang: Lang;
  now: Date;
  timeZone: string;
  /** Told how many lines have been read, every 1,000 (a job writes it for its progress bar). */
  progress?: (done: number) => Promise<void>;
  /** Called inside the write transaction with what was made (a job marks itself succeeded with it). */
  finish?: (trx: Db, result: OrderImportResult) => Promise<void>;
};
export type OrderImportResult = { orders: number; lines: number; numbers: string[] };

type Customer = Awaited<ReturnType<typeof findCustomersByCodes>>[number];

/** 订单导入 of a file, xlsx or CSV: its rows read, then imported as importOrderRows does. */
export async function importOrders(db: Db, actor: Actor, file: Buffer, opts: OrderImportOptions) {
  return importOrderRows(db, actor, await readOrderFile(file, opts.lang, opts.progress), opts);
}

/**
 * 订单导入: every order of the rows read registered as a numbered draft, as 订单登记 would (same schema, same
 * pricing, numbers by the rule, a registration history row each), all or none. The rows are checked and priced
 * once, in memory, after a few queries for their customers and products; then one transaction writes every order,
 * line and history row with a handful of set-based statements.
 */
export async function importOrderRows(db: Db, actor: Actor, read: Sheet, opts: OrderImportOptions) {
  const { lang } = opts;
  const sheet = checkOrderRows(read, lang);
  await opts.progress?.(sheet.rows);
  if (sheet.errors.length && !sheet.lines.length) throw importFailed(sheet.errors);
  const errors = sheet.errors;
  const fail = (row: number, key: string, code: string, message: string) =>
    errors.push({ row, column: sheet.header(key), code, message });
  const say = (code: Parameters<typeof translate>[0], params: Record<string, string | number> = {}) =>
    translate(code, params, lang);

  const lines = sheet.lines;
  const [customers, products] = await Promise.all([
    findCustomersByCodes(db, actor.companyId, [...new Set(lines.map((l) => l.customerCode))]),
    findProductsBySkus(db, actor.companyId, [...new Set(lines.map((l) => l.sku))]),
  ]);
  const customerByCode = new Map(customers.map((c) => [c.code, c]));
  const productBySku = new Map(products.map((p) => [p.sku, p]));
  const productById = new Map<string, PricingProduct>(products.map((p) => [p.id, p]));

  const orders = new Map<string, { ref: string; customer?: Customer; rows: SheetLine[] }>();
  /** Orders with a row already refused are not checked as a whole. */
  const refused = new Set<string>();
  for (const l of lines) {
    const customer = customerByCode.get(l.customerCode);
    if (!customer)
      fail(l.row, 'customerCode', 'IMPORT.CUSTOMER_UNKNOWN', say('IMPORT.CUSTOMER_UNKNOWN', { code: l.customerCode }));
    else if (!customer.active) fail(l.row, 'customerCode', 'CUSTOMER.INACTIVE', say('CUSTOMER.INACTIVE'));
    if (!productBySku.has(l.sku))
      fail(l.row, 'sku', 'IMPORT.PRODUCT_UNKNOWN', say('IMPORT.PRODUCT_UNKNOWN', { sku: l.sku }));
    if (l.consignee && !l.address) fail(l.row, 'address', 'IMPORT.VALUE_INVALID', hintOf('address', lang));
    if (!customer || !productBySku.has(l.sku)) refused.add(l.ref);
    const order = orders.get(l.ref) ?? { ref: l.ref, customer, rows: [] };
    orders.set(l.ref, order);
    const first = order.rows[0];
    if (first && first.customerCode !== l.customerCode)
      fail(
        l.row,
        'customerCode',
        'IMPORT.ORDER_CUSTOMERS_DIFFER',
        say('IMPORT.ORDER_CUSTOMERS_DIFFER', { ref: l.ref, first: first.row, customer: first.customerCode }),
      );
    order.rows.push(l);
  }

  const checked: SheetOrder[] = [];
  for (const o of orders.values()) {
    if (!o.customer || refused.has(o.ref)) continue;
    const input = orderInput(o.customer, o.rows, productBySku);
    const parsed = plainOrder(input) ? { success: true as const, data: input } : createOrderBody.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push(orderIssue(o, issue.path, issue.code, sheet.header, lang));
      continue;
    }
    // The registered order's pricing, the one it is written with: refusals (a product gone inactive) by row.
    const id = randomUUID();
    const priced = priceOrderLines(productById, { companyId: actor.companyId, orderId: id }, parsed.data.lines);
    for (const r of priced.refusals)
      if (r.code === 'PRODUCT.INACTIVE') fail(o.rows[r.index].row, 'sku', r.code, say(r.code, { sku: r.sku ?? '' }));
    checked.push({ id, ref: o.ref, customer: o.customer, rows: o.rows, input: parsed.data, priced });
  }
  if (errors.length) throw importFailed(errors);

  const settings = await getSettings(db, actor.companyId);
  const warehouse = await findDefaultWarehouse(db, actor.companyId);
  if (!warehouse) throw new AppError('ORDER.NO_WAREHOUSE');
  return db.transaction().execute(async (trx) => {
    const written = await writeOrders(trx, actor, checked, {
      ...opts,
      rule: settings.orderNumberRule,
      warehouseId: warehouse.id,
    });
    await opts.finish?.(trx, written);
    return written;
  });
}

/**
 * The rules of the registration schema (createOrderBody) that rows checked one by one do not already hold: at most
 * 200 lines, a total that fits, and a consignee taken from the customer's card that is plain text. An order the rows
 * make that passes them passes the schema unchanged (order-import.spec.ts says so), so each order is validated once:
 * only one failing them goes through the schema, which words its errors.
 */
export const plainOrder = (input: CreateOrderInput) =>
  input.lines.length <= 200 &&
  linesTotalFits(input.lines) &&
  (!input.delivery || plain(input.delivery.consignee, 50, true));

/** The order the rows make, as a registration request: order-level cells from the first row that has them. */
function orderInput(
  customer: Customer,
  rows: SheetLine[],
  productBySku: Map<string, { id: string }>,
): CreateOrderInput {
  const firstOf = <K extends keyof SheetLine>(k: K) => rows.find((r) => r[k])?.[k];
  const at = rows.find((r) => r.address);
  const defaults = customerDefaults(customer);
  return {
    customerId: customer.id,
    source: 'import',
    urgency: 'normal',
    orderType: 'standard',
    expectedDeliveryDate: firstOf('expectedDeliveryDate'),
    delivery: at
      ? {
          consignee: at.consignee || defaults.delivery?.consignee || customer.name.slice(0, 50),
          phone: at.phone || undefined,
          address: at.address,
        }
      : undefined,
    buyerRemark: firstOf('remark') ?? '',
    sellerRemark: '',
    customerPo: rows[0].ref,
    lines: rows.map((r) => ({
      productId: productBySku.get(r.sku)!.id,
      qty: r.qty,
      unitPrice: r.unitPrice,
      gift: false,
    })),
  };
}

/** A refusal of the registration schema, put on the row and column it came from. */
function orderIssue(
  o: { ref: string; rows: SheetLine[] },
  path: PropertyKey[],
  code: string,
  header: (key: string) => string,
  lang: Lang,
): ImportError {
  const [field, index, sub] = path;
  const first = o.rows[0].row;
  if (field === 'lines' && typeof index === 'number') {
    const key = sub === 'qty' ? 'qty' : sub === 'productId' ? 'sku' : 'unitPrice';
    return {
      row: o.rows[index]?.row ?? first,
      column: header(key),
      code: 'IMPORT.VALUE_INVALID',
      message: hintOf(key, lang),
    };
  }
  if (field === 'lines' && code === 'too_big')
    return {
      row: o.rows[200]?.row ?? first,
      column: header('ref'),
      code: 'IMPORT.ORDER_TOO_MANY_LINES',
      message: translate('IMPORT.ORDER_TOO_MANY_LINES', { ref: o.ref, max: 200 }, lang),
    };
  if (field === 'lines')
    return {
      row: first,
      column: header('unitPrice'),
      code: 'IMPORT.ORDER_TOTAL_TOO_LARGE',
      message: translate('IMPORT.ORDER_TOTAL_TOO_LARGE', { ref: o.ref }, lang),
    };
  const key =
    field === 'delivery'
      ? String(index ?? 'address')
      : field === 'buyerRemark'
        ? 'remark'
        : field === 'expectedDeliveryDate'
          ? 'expectedDeliveryDate'
          : 'ref';
  return { row: first, column: header(key), code: 'IMPORT.VALUE_INVALID', message: hintOf(key, lang) };
}
