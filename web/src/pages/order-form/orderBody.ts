import type { Dayjs } from 'dayjs';
import type { Order } from '../../api/types';
import type { LineValue } from './lineRules';

export type FormValues = Omit<Partial<Order>, 'orderDate' | 'expectedDeliveryDate' | 'lines'> & {
  customerId?: string;
  orderDate?: Dayjs;
  expectedDeliveryDate?: Dayjs;
  lines?: LineValue[];
};

const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined);
const blank = (v: unknown) => v === undefined || v === null || v === '';
/** Leaves out what the user left empty (an untouched contact or delivery block is not sent at all). */
const filled = (o: Record<string, unknown> | null | undefined) => {
  if (!o) return undefined;
  const kept = Object.fromEntries(Object.entries(o).filter(([, v]) => !blank(v)));
  return Object.keys(kept).length ? kept : undefined;
};

/** The form's values as the orders API takes them: dates as YYYY-MM-DD, prices as strings, 赔货 facts only for 赔货. */
export function orderBody(values: FormValues): Record<string, unknown> {
  const { customerId: _customer, replacement, contact, delivery, ...rest } = values;
  const body: Record<string, unknown> = Object.fromEntries(Object.entries(rest).filter(([, v]) => !blank(v)));
  body.orderDate = day(values.orderDate);
  body.expectedDeliveryDate = day(values.expectedDeliveryDate);
  body.lines = (values.lines ?? []).map((l) => ({
    productId: l.productId,
    qty: l.qty,
    ...(blank(l.unitPrice) ? {} : { unitPrice: l.unitPrice!.trim() }),
    gift: !!l.gift,
  }));
  const c = filled(contact as Record<string, unknown> | null);
  const d = filled(delivery as Record<string, unknown> | null);
  if (c) body.contact = c;
  if (d) body.delivery = d;
  if (values.orderType === 'replacement' && replacement) {
    const r = replacement;
    body.replacement = {
      faultParty: r.faultParty,
      costBearer: r.costBearer,
      reason: r.reason,
      ...(r.replacesOrderId ? { replacesOrderId: r.replacesOrderId } : {}),
    };
  }
  for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
  return body;
}
