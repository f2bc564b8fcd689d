import { randomUUID } from 'node:crypto';
import type { OrderStatus } from '../orders/order.table';
import { COMPLAINT_TYPES, RETURN_REASONS, type Random } from './scale-names';
import { DAY, fen, history, type Batch, type Row, type ScaleState } from './scale-orders';

// Money and feedback of the scale seed's orders: the receipt that paid an order, and the complaints and return
// requests some delivered orders draw.

export function receipt(s: ScaleState, b: Batch, customerId: string, orderId: string, amount: number, on: string) {
  const id = randomUUID();
  const at = new Date(`${on}T02:00:00Z`);
  b.customer_receipts.push({
    company_id: s.companyId,
    id,
    customer_id: customerId,
    amount: fen(amount),
    amount_rmb: fen(amount),
    received_on: on,
    method: 'bank_transfer',
    reference: `BANK${on.replace(/-/g, '')}`,
    created_at: at,
    created_by: s.users.finance,
  });
  b.receipt_applications.push({
    company_id: s.companyId,
    receipt_id: id,
    order_id: orderId,
    amount: fen(amount),
    created_at: at,
    created_by: s.users.finance,
  });
}

/** Some delivered orders draw a complaint (closed before completion), a few a return request. */
export function feedback(
  s: ScaleState,
  r: Random,
  b: Batch,
  orderId: string,
  lines: Row[],
  status: OrderStatus,
  at: Date,
) {
  const draw = r.next();
  if (draw < 0.02) {
    const id = randomUUID();
    const created = new Date(at.getTime() + DAY);
    const closed = status === 'completed';
    b.complaints.push({
      company_id: s.companyId,
      id,
      order_id: orderId,
      type: r.pick(COMPLAINT_TYPES),
      description: '客户反映到货问题',
      status: closed ? 'closed' : 'open',
      due_at: new Date(created.getTime() + 2 * DAY),
      resolution: closed ? '补发配件' : null,
      close_result: closed ? '客户接受处理' : null,
      satisfaction: closed ? r.int(3, 5) : null,
      closed_by: closed ? s.users.service : null,
      closed_at: closed ? new Date(created.getTime() + DAY) : null,
      created_by: s.users.service,
      created_at: created,
    });
    if (closed && created.getTime() + DAY < s.now.getTime())
      history(
        s,
        b,
        'complaint',
        id,
        [{ from: 'open', to: 'closed', event: 'close', at: new Date(created.getTime() + DAY), by: 'service' }],
        s.users.service,
      );
  } else if (draw < 0.025 && status === 'completed') {
    const id = randomUUID();
    const created = new Date(at.getTime() + 2 * DAY);
    const line = lines[0];
    b.return_requests.push({
      company_id: s.companyId,
      id,
      order_id: orderId,
      reason: '客户申请退货',
      status: 'rejected',
      number: `TH-${id.slice(0, 8).toUpperCase()}`,
      review_reason: '超过退货期限',
      reviewed_by: s.users.director,
      reviewed_at: new Date(created.getTime() + DAY),
      created_by: s.users.service,
      created_at: created,
    });
    b.return_lines.push({
      company_id: s.companyId,
      return_id: id,
      line_no: 1,
      product_id: line.product_id,
      qty: 1,
      reason: r.pick(RETURN_REASONS),
      unit_price: line.unit_price,
      returnable: true,
      fee_percent: '0.00',
    });
    history(
      s,
      b,
      'return_request',
      id,
      [{ from: 'requested', to: 'rejected', event: 'reject', at: new Date(created.getTime() + DAY), by: 'director' }],
      s.users.service,
    );
  }
}
