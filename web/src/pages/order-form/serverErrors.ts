import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';

// The server's field errors put under the matching field, named in the user's language:
// "lines[1].qty" or "lines.1.qty" → ['lines', 1, 'qty'] with "第 2 行 数量 …".
const LINE_FIELDS: Record<string, string> = { productId: 'product', qty: 'qty', unitPrice: 'unitPrice', gift: 'gift' };
const FIELDS: Record<string, string> = {
  customerId: 'customer',
  source: 'source',
  orderDate: 'orderDate',
  expectedDeliveryDate: 'expectedDeliveryDate',
  'replacement.faultParty': 'faultParty',
  'replacement.costBearer': 'costBearer',
  'replacement.reason': 'reason',
  depositPercent: 'depositPercent',
  paymentDays: 'paymentDays',
  'contact.name': 'contact',
  'delivery.consignee': 'consignee',
  'delivery.phone': 'phone',
  'delivery.address': 'address',
};

export const pathToName = (path: string) =>
  path
    .split(/[.[\]]/)
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** Shows what it can on the form; true when every field error found its field (else the caller says it). */
export function showOrderErrors(form: FormInstance, err: unknown, t: TFunction): boolean {
  if (!(err instanceof ApiError) || err.fields.length === 0) return false;
  // A domain refusal (a product gone inactive) already speaks the user's language in its own message.
  const own = err.code !== 'VALIDATION.FAILED' && err.fields.length === 1;
  let all = true;
  const placed = err.fields.flatMap((f) => {
    const name = pathToName(f.path);
    const message = own ? err.message : f.message;
    const [head, index, column] = name;
    if (head === 'lines' && typeof index === 'number' && typeof column === 'string' && LINE_FIELDS[column]) {
      const field = t(`orderForm.col.${LINE_FIELDS[column]}`);
      return [{ name, errors: [t('orderForm.lineServerError', { line: index + 1, field, message })] }];
    }
    const key = FIELDS[name.join('.')];
    if (!key) {
      all = false;
      return [];
    }
    return [{ name, errors: [t('orderForm.fieldError', { field: t(`orderForm.col.${key}`), message })] }];
  });
  form.setFields(placed);
  return all;
}
