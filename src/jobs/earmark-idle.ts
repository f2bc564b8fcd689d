import type { Db } from '../db/database';
import { notifyRole } from '../modules/notifications/notification.service';
import { getSettings } from '../modules/settings/settings.service';
import { companiesWithOpenEarmarks, flagIdleEarmarks } from '../modules/stock/earmark.repository';

const DAY = 86_400_000;

/**
 * 备货 unused: stock earmarked for a customer that still has units left after the configured number of days
 * (default 90) is flagged once and the sales director told. Returns how many earmarks were flagged.
 */
export async function flagIdleEarmarkedStock(db: Db, now: Date) {
  let flagged = 0;
  for (const companyId of await companiesWithOpenEarmarks(db)) {
    flagged += await db.transaction().execute(async (trx) => {
      const days = (await getSettings(trx, companyId)).prep.earmarkIdleDays;
      const idle = await flagIdleEarmarks(trx, companyId, new Date(now.getTime() - days * DAY), now);
      if (idle.length)
        await notifyRole(trx, companyId, 'sales_director', {
          kind: 'earmark_idle',
          params: { days, count: idle.length },
        });
      return idle.length;
    });
  }
  return flagged;
}
