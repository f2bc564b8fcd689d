import type { Db } from '../../db/database';
import { AppError, translate, type Label, type Lang } from '../../lib/errors';
import * as repo from './export.repository';

/**
 * 外贸发货关口, checked when a shipment ships: an export order paid by L/C needs its newest credit's current
 * version checked without discrepancy, unexpired and not past its latest shipment date; every export order needs
 * its newest inspection passed or waived by the manager.
 */
export async function assertExportShipGates(db: Db, companyId: string, orderIds: string[], today: string) {
  const [first] = (await exportShipBlocks(db, companyId, orderIds, today)).values();
  if (first) throw new AppError(first.code, { order: first.order, reason: first.reason });
}

type ShipBlock = { code: 'EXPORT.LC_BLOCKS_SHIPPING' | 'EXPORT.INSPECTION_REQUIRED'; order: string; reason: Label };

/** What stops each of the export orders from shipping today (orders free to ship are absent). */
export async function exportShipBlocks(db: Db, companyId: string, orderIds: string[], today: string) {
  const blocks = new Map<string, ShipBlock>();
  for (const o of await repo.exportOrdersAmong(db, companyId, orderIds)) {
    if (o.payment_method === 'lc') {
      const reason = await lcBlock(db, companyId, o.id, today);
      if (reason) {
        blocks.set(o.id, { code: 'EXPORT.LC_BLOCKS_SHIPPING', order: o.number, reason });
        continue;
      }
    }
    const inspection = await repo.latestInspection(db, companyId, o.id);
    if (inspection?.status === 'passed' || inspection?.status === 'waived') continue;
    const reason: Label = !inspection
      ? { zh: '未验货', en: 'no inspection recorded' }
      : inspection.status === 'failed'
        ? { zh: '验货不合格，须复验或豁免', en: 'the inspection failed; re-inspect or waive' }
        : {
            zh: `已预约 ${inspection.booked_for} 验货，尚无结果`,
            en: `inspection booked for ${inspection.booked_for} has no result yet`,
          };
    blocks.set(o.id, { code: 'EXPORT.INSPECTION_REQUIRED', order: o.number, reason });
  }
  return blocks;
}

/** The shipment gate of each order as the 外贸 page shows it: blocked with why, in the reader's language. */
export async function shipGatesOf(db: Db, companyId: string, orderIds: string[], today: string, lang: Lang) {
  const blocks = await exportShipBlocks(db, companyId, [...new Set(orderIds)], today);
  return (orderId: string) => {
    const b = blocks.get(orderId);
    return b
      ? { blocked: true, code: b.code, reason: translate(b.code, { order: b.order, reason: b.reason }, lang) }
      : { blocked: false, code: null, reason: null };
  };
}

async function lcBlock(db: Db, companyId: string, orderId: string, today: string): Promise<Label | null> {
  const lc = await repo.latestLcOfOrder(db, companyId, orderId);
  if (!lc) return { zh: '未收到信用证', en: 'no letter of credit received' };
  const v = `${lc.number} v${lc.version}`;
  if (lc.status === 'discrepant')
    return {
      zh: `${v} 有不符点（${lc.discrepancies.join('；')}），须改证`,
      en: `${v} has discrepancies (${lc.discrepancies.join('; ')}); amend it`,
    };
  if (lc.status !== 'checked_ok') return { zh: `${v} 尚未审证`, en: `${v} is not checked yet` };
  if (lc.expiry_date < today)
    return { zh: `${v} 已于 ${lc.expiry_date} 过期`, en: `${v} expired on ${lc.expiry_date}` };
  if (lc.latest_shipment_date < today)
    return {
      zh: `${v} 最迟装运日 ${lc.latest_shipment_date} 已过`,
      en: `${v} latest shipment date ${lc.latest_shipment_date} has passed`,
    };
  return null;
}
