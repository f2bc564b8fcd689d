import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.service';
import { entitledPrices } from '../customers/customer-prices';
import { findProductsByIds } from '../products/product.repository';
import { priceOrderLines } from './order-pricing';
import type { CreateOrderInput } from './order.schemas';

/**
 * Lines priced on the server from the catalogue (order-pricing.ts); a line without a price takes the price the
 * customer is entitled to on the order date (its own price, else the list price less its discount, else the list
 * price). The first refused line is named.
 */
export async function priceLines(
  db: Db,
  actor: Actor,
  orderId: string,
  lines: CreateOrderInput['lines'],
  orderType: CreateOrderInput['orderType'] = 'standard',
  doc: { customerId: string; day: string; currency: string; rate: string },
) {
  const products = await findProductsByIds(
    db,
    actor.companyId,
    lines.map((l) => l.productId),
  );
  const entitled = lines.some((l) => l.unitPrice === undefined)
    ? await entitledPrices(
        db,
        actor.companyId,
        doc.customerId,
        products.map((p) => ({ id: p.id, listPrice: p.list_price })),
        doc,
      )
    : undefined;
  const priced = priceOrderLines(
    new Map(products.map((p) => [p.id, p])),
    { companyId: actor.companyId, orderId },
    lines,
    orderType,
    entitled,
  );
  const refused = priced.refusals[0];
  if (refused) {
    // The line is named, so the form can put the refusal under that line's product.
    const field = [
      {
        path: `lines[${refused.index}].productId`,
        message: refused.code === 'PRODUCT.INACTIVE' ? 'inactive' : 'not found',
      },
    ];
    throw new AppError(refused.code, refused.sku ? { sku: refused.sku } : {}, field);
  }
  return priced;
}
