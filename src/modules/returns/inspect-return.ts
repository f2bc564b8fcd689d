import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.service';
import { fillBackorders } from '../orders/backorders';
import { fillFirstCome, postMovements } from '../stock/stock.service';
import { findWarehouse } from '../warehouses/warehouse.repository';
import { refundOf } from './return-policy';
import { moveReturn } from './return.service';
import * as ledger from './return-effects.repository';
import * as repo from './return.repository';

export type InspectInput = { warehouseId: string; lines: { lineNo: number; good: number; defective: number }[] };

/**
 * 验收: per line, good units go back to available stock in the chosen warehouse (a 'return' movement);
 * defective ones go to quarantine (隔离区), which is not stock and cannot be reserved. What came back is counted
 * on the order line (returned) and sets the refund. Good units fill waiting backorders (欠货) first come, as a
 * goods receipt does. Lines not named came back with nothing.
 */
export async function inspectReturn(db: Db, actor: Actor, env: Env, id: string, input: InspectInput) {
  const warehouse = await findWarehouse(db, actor.companyId, input.warehouseId);
  if (!warehouse || !warehouse.active)
    throw new AppError('WAREHOUSE.NOT_FOUND', {}, [{ path: 'warehouseId', message: 'no such active warehouse' }]);
  return moveReturn(db, actor, env, id, 'inspect', {
    patch: { warehouse_id: warehouse.id, inspected_by: actor.userId, inspected_at: env.now },
    effects: async (r, lines) => {
      const byNo = new Map(lines.map((l) => [l.line_no, l]));
      const given = new Map<number, { good: number; defective: number }>();
      input.lines.forEach((l, i) => {
        const line = byNo.get(l.lineNo);
        if (!line || given.has(l.lineNo))
          throw new AppError('VALIDATION.FAILED', { summary: `lines.${i}.lineNo` }, [
            { path: `lines.${i}.lineNo`, message: line ? 'given twice' : `the return has no line ${l.lineNo}` },
          ]);
        if (l.good + l.defective > line.qty)
          throw new AppError('RETURN.INSPECTION_EXCEEDS', { lineNo: l.lineNo, qty: line.qty }, [
            { path: `lines.${i}`, message: `good + defective at most ${line.qty}` },
          ]);
        given.set(l.lineNo, { good: l.good, defective: l.defective });
      });
      const reference = (await repo.findReturn(db, actor.companyId, id))!.number;
      const inspected = lines.map((l) => ({ ...l, ...(given.get(l.line_no) ?? { good: 0, defective: 0 }) }));
      const goods = inspected.filter((l) => l.good > 0);
      if (goods.length)
        await postMovements(
          db,
          actor,
          goods.map((l) => ({
            warehouseId: warehouse.id,
            productId: l.product_id,
            kind: 'return' as const,
            onHandDelta: l.good,
            reservedDelta: 0,
            reason: 'return_good',
            reference,
          })),
        );
      // Good units back in stock fill waiting backorders as a goods receipt does.
      if (goods.length)
        await fillFirstCome(
          db,
          actor,
          warehouse.id,
          goods.map((l) => l.product_id),
          fillBackorders,
        );
      for (const l of inspected) {
        await repo.setLineInspection(db, actor.companyId, id, {
          lineNo: l.line_no,
          good: l.good,
          defective: l.defective,
        });
        if (l.defective > 0)
          await ledger.postQuarantine(db, {
            companyId: actor.companyId,
            warehouseId: warehouse.id,
            productId: l.product_id,
            qty: l.defective,
            reference,
            returnId: id,
            actorId: actor.userId,
            at: env.now,
          });
        if (l.good + l.defective > 0)
          await repo.addReturned(db, actor.companyId, r.order_id, l.line_no, l.good + l.defective);
      }
      await repo.setRefundAmount(db, actor.companyId, id, refundOf(inspected).amount);
    },
  });
}
