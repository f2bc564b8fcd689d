import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.service';
import { registerOrder } from '../orders/order.service';
import { moveReturn } from './return.service';
import * as repo from './return.repository';

/**
 * 换货: instead of a refund, a replacement order (order type 'replacement') at zero price for what came back,
 * registered through the normal order flow (it is reviewed, confirmed and shipped like any order). The return
 * names the order; the order's returns list (GET /api/returns?order=) finds the return.
 */
export async function exchangeReturn(db: Db, actor: Actor, env: Env, id: string, input: { reason?: string }) {
  return moveReturn(db, actor, env, id, 'exchange', {
    reason: input.reason,
    effects: async (r, lines) => {
      const back = lines
        .map((l) => ({ productId: l.product_id, qty: (l.good ?? 0) + (l.defective ?? 0) }))
        .filter((l) => l.qty > 0);
      if (!back.length) throw new AppError('RETURN.NOTHING_RECEIVED');
      const order = await repo.orderTotal(db, actor.companyId, r.order_id);
      const replacement = await registerOrder(db, { ...actor, roles: [...actor.roles] }, env, {
        customerId: order.customer_id,
        source: 'onsite',
        urgency: 'normal',
        orderType: 'replacement',
        warehouseId: order.warehouse_id,
        delivery: order.delivery
          ? {
              consignee: order.delivery.consignee,
              phone: order.delivery.phone,
              region: order.delivery.region,
              address: order.delivery.address,
            }
          : undefined,
        lines: back.map((l) => ({ ...l, unitPrice: '0.00', gift: false })),
        buyerRemark: '',
        sellerRemark: `换货 Exchange for return ${r.number}`,
        customerPo: '',
      });
      await repo.setRefundResult(db, actor.companyId, id, { replacement_order_id: replacement.id });
    },
  });
}
