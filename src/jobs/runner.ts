import PgBoss from 'pg-boss';
import type { Database } from '../db/connect';
import { flagLateChangeStages, flagLateStages } from './review-sla';
import { expireReservations } from '../modules/allocation/reservations';
import { localDate } from '../lib/local-date';
import { dailyCashReport, dailyFinanceChecks, remindReceivables } from './cash-reminders';
import { flagIdleEarmarkedStock } from './earmark-idle';
import { deliverDue, dispatchEvents } from '../modules/webhooks/webhook-sender';
import { runNightlyBackup } from '../modules/backups/nightly-backup';
import { version } from '../version';
import { deliverDue as deliverMessages } from '../modules/messages/message-sender';
import { routeMessages } from '../modules/messages/message-routing';
import { channelConfigFromEnv } from '../modules/messages/channels/channel-config';
import { messageAttachments } from './message-attachments';
import { runMonthlyReports } from '../modules/reports/monthly-report-job';
import { expireQuotations } from '../modules/quotations/quotation-order';
import { archiveFinished } from '../modules/archive/archive.service';
import { IMPORT_QUEUE, runImportJob } from '../modules/imports/import-job.service';
import { importOrders } from '../modules/orders/order-import';
import { remindInspections } from '../modules/export/inspections';

/** Durable timers: pg-boss keeps its queue in the same database, so several app instances share it. */
export const JOBS = {
  reviewSla: 'review-sla',
  reservationExpiry: 'reservation-expiry',
  cashReminders: 'cash-reminders',
  earmarkIdle: 'earmark-idle',
  webhooks: 'webhooks',
  nightlyBackup: 'nightly-backup',
  messages: 'messages',
  monthlyReports: 'monthly-reports',
  quotationExpiry: 'quotation-expiry',
  orderArchive: 'order-archive',
  imports: IMPORT_QUEUE,
  inspectionReminders: 'inspection-reminders',
} as const;

export async function startJobs(
  database: Database,
  log: (msg: string, err?: unknown) => void = console.error,
  timeZone = 'Asia/Shanghai',
  backup?: { dir: string; keep: number; at: string },
): Promise<PgBoss> {
  const boss =
    'url' in database.jobsDb
      ? new PgBoss({ connectionString: database.jobsDb.url, max: 4 })
      : new PgBoss({ db: database.jobsDb as never, supervise: true, schedule: true });
  boss.on('error', (err) => log('job queue error', err));
  await boss.start();
  await boss.createQueue(JOBS.reviewSla);
  // Every minute; a run after downtime catches up on everything overdue.
  await boss.schedule(JOBS.reviewSla, '* * * * *');
  await boss.work(JOBS.reviewSla, async () => {
    await flagLateStages(database.db, new Date());
    await flagLateChangeStages(database.db, new Date());
  });
  // Unpaid franchisees' reservations (6.4.2.5) are released on their day; a late run catches up.
  await boss.createQueue(JOBS.reservationExpiry);
  await boss.schedule(JOBS.reservationExpiry, '*/10 * * * *');
  await boss.work(JOBS.reservationExpiry, async () => {
    const now = new Date();
    await expireReservations(database.db, localDate(now, timeZone), now, (e, r) =>
      log(`reservation ${r.id} of company ${r.companyId} did not expire`, e),
    );
  });
  // Payment reminders, the overdue list, 月结 statements and late L/Cs, every morning at 08:00 (Asia/Shanghai is the
  // cron zone).
  await boss.createQueue(JOBS.cashReminders);
  await boss.schedule(JOBS.cashReminders, '0 8 * * *', {}, { tz: timeZone });
  await boss.work(JOBS.cashReminders, async () => {
    const today = localDate(new Date(), timeZone);
    await remindReceivables(database.db, today);
    await dailyCashReport(database.db, today);
    await dailyFinanceChecks(database.db, today);
  });
  // 订单归档: orders finished, paid and with nothing open are archived every night (most are archived at once by
  // the write that finished them; this catches the rest, such as an order paid off by a statement).
  await boss.createQueue(JOBS.orderArchive);
  await boss.schedule(JOBS.orderArchive, '15 2 * * *', {}, { tz: timeZone });
  await boss.work(JOBS.orderArchive, async () => {
    await archiveFinished(database.db, new Date());
  });
  // 外贸: export orders shipping within 7 days with no inspection booked, told to their sales owner daily.
  await boss.createQueue(JOBS.inspectionReminders);
  await boss.schedule(JOBS.inspectionReminders, '15 8 * * *', {}, { tz: timeZone });
  await boss.work(JOBS.inspectionReminders, async () => {
    await remindInspections(database.db, localDate(new Date(), timeZone));
  });
  // Prepared stock earmarked for a customer and unused for N days (default 90), told to the director daily.
  await boss.createQueue(JOBS.earmarkIdle);
  await boss.schedule(JOBS.earmarkIdle, '30 8 * * *', {}, { tz: timeZone });
  await boss.work(JOBS.earmarkIdle, async () => {
    await flagIdleEarmarkedStock(database.db, new Date());
  });
  // Webhooks: new events fanned out to subscriptions, then due deliveries sent (claimed with SKIP LOCKED, so
  // several instances never send one twice).
  await boss.createQueue(JOBS.webhooks);
  await boss.schedule(JOBS.webhooks, '* * * * *');
  await boss.work(JOBS.webhooks, async () => {
    await dispatchEvents(database.db, new Date());
    await deliverDue(database.db, new Date());
  });
  // The embedded database does not fsync: a backup every night at LUYUE_BACKUP_TIME (company time zone), one
  // instance per night (the run's claim row), the newest LUYUE_BACKUP_KEEP files kept. A server has its own.
  if (backup && database.engine === 'pglite') {
    const [hh, mm] = backup.at.split(':').map(Number);
    await boss.createQueue(JOBS.nightlyBackup);
    await boss.schedule(JOBS.nightlyBackup, `${mm} ${hh} * * *`, {}, { tz: timeZone });
    await boss.work(JOBS.nightlyBackup, async () => {
      const opts = { ...backup, timeZone, engine: database.engine, appVersion: version };
      const outcome = await runNightlyBackup(database.db, opts, () => new Date());
      if (outcome.status === 'failed') log(`nightly backup into ${backup.dir} failed: ${outcome.error}`);
    });
  }
  // Messages to customers: the outbox and the events routed to contacts and channels, then due messages sent
  // (claimed with SKIP LOCKED, so several instances never send one twice). Channels are configured by environment.
  const channels = channelConfigFromEnv(process.env);
  const attachments = messageAttachments(timeZone, () => new Date());
  await boss.createQueue(JOBS.messages);
  await boss.schedule(JOBS.messages, '* * * * *');
  await boss.work(JOBS.messages, async () => {
    await routeMessages(database.db, new Date());
    await deliverMessages(database.db, new Date(), { channels, attachments, log: (line) => log(line) });
  });
  // 月度订单分析报表: last month's report on the 1st at 06:00, tried again each morning until the 5th; the month's
  // claim row makes one instance build it and tell the directors and general managers once.
  await boss.createQueue(JOBS.monthlyReports);
  await boss.schedule(JOBS.monthlyReports, '0 6 1-5 * *', {}, { tz: timeZone });
  await boss.work(JOBS.monthlyReports, async () => {
    await runMonthlyReports(database.db, timeZone, new Date(), log);
  });
  // Sent quotations past their validity are marked expired, every day just after midnight (company time zone).
  await boss.createQueue(JOBS.quotationExpiry);
  await boss.schedule(JOBS.quotationExpiry, '5 0 * * *', {}, { tz: timeZone });
  await boss.work(JOBS.quotationExpiry, async () => {
    const now = new Date();
    await expireQuotations(database.db, localDate(now, timeZone), now, (e, q) =>
      log(`quotation ${q.id} of company ${q.companyId} did not expire`, e),
    );
  });
  // Large Excel imports, queued by the upload with the stored file; one job at a time per instance, not retried
  // (a job that started is failed or succeeded by its own run).
  await boss.createQueue(JOBS.imports);
  await boss.work<{ id: string }>(JOBS.imports, { pollingIntervalSeconds: 1 }, async ([job]) => {
    await runImportJob(database.db, job.data.id, { orders: importOrders }, () => new Date(), timeZone, log);
  });
  return boss;
}
