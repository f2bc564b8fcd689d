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

export type JobOptions = {
  log?: (msg: string, err?: unknown) => void;
  timeZone?: string;
  backup?: { dir: string; keep: number; at: string };
  /** The runner's clock (tests fix it); the system clock by default. */
  clock?: () => Date;
};

/** One durable job: its queue, when it runs (cron in the company time zone, none for queued work) and its work. */
export type JobDefinition = {
  name: string;
  cron?: string;
  tz?: string;
  pollingIntervalSeconds?: number;
  run: (data: unknown) => Promise<void>;
};

/**
 * Every durable job of one app instance. Each run is safe beside the same run on another instance (a claim row,
 * a conditional UPDATE or a per-company lock), so a retried or doubled run has its effect once.
 */
export function jobDefinitions(database: Database, opts: JobOptions = {}): JobDefinition[] {
  const log = opts.log ?? console.error;
  const timeZone = opts.timeZone ?? 'Asia/Shanghai';
  const clock = opts.clock ?? (() => new Date());
  const backup = opts.backup;
  const db = database.db;
  const jobs: JobDefinition[] = [
    // Every minute; a run after downtime catches up on everything overdue.
    {
      name: JOBS.reviewSla,
      cron: '* * * * *',
      run: async () => {
        await flagLateStages(db, clock());
        await flagLateChangeStages(db, clock());
      },
    },
    // Unpaid franchisees' reservations (6.4.2.5) are released on their day; a late run catches up.
    {
      name: JOBS.reservationExpiry,
      cron: '*/10 * * * *',
      run: async () => {
        const now = clock();
        await expireReservations(db, localDate(now, timeZone), now, (e, r) =>
          log(`reservation ${r.id} of company ${r.companyId} did not expire`, e),
        );
      },
    },
    // Payment reminders, the overdue list, 月结 statements and late L/Cs, every morning at 08:00.
    {
      name: JOBS.cashReminders,
      cron: '0 8 * * *',
      tz: timeZone,
      run: async () => {
        const now = clock();
        const today = localDate(now, timeZone);
        await remindReceivables(db, today, now);
        await dailyCashReport(db, today, now);
        await dailyFinanceChecks(db, today, now);
      },
    },
    // 订单归档: orders finished, paid and with nothing open are archived every night (most are archived at once by
    // the write that finished them; this catches the rest, such as an order paid off by a statement).
    {
      name: JOBS.orderArchive,
      cron: '15 2 * * *',
      tz: timeZone,
      run: () => archiveFinished(db, clock()).then(() => {}),
    },
    // 外贸: export orders shipping within 7 days with no inspection booked, told to their sales owner daily.
    {
      name: JOBS.inspectionReminders,
      cron: '15 8 * * *',
      tz: timeZone,
      run: () => remindInspections(db, localDate(clock(), timeZone)).then(() => {}),
    },
    // Prepared stock earmarked for a customer and unused for N days (default 90), told to the director daily.
    {
      name: JOBS.earmarkIdle,
      cron: '30 8 * * *',
      tz: timeZone,
      run: () => flagIdleEarmarkedStock(db, clock()).then(() => {}),
    },
    // Webhooks: new events fanned out to subscriptions, then due deliveries sent (claimed with SKIP LOCKED, so
    // several instances never send one twice).
    {
      name: JOBS.webhooks,
      cron: '* * * * *',
      run: async () => {
        await dispatchEvents(db, clock());
        await deliverDue(db, clock());
      },
    },
  ];
  // The embedded database does not fsync: a backup every night at LUYUE_BACKUP_TIME (company time zone), one
  // instance per night (the run's claim row), the newest LUYUE_BACKUP_KEEP files kept. A server has its own.
  if (backup && database.engine === 'pglite') {
    const [hh, mm] = backup.at.split(':').map(Number);
    jobs.push({
      name: JOBS.nightlyBackup,
      cron: `${mm} ${hh} * * *`,
      tz: timeZone,
      run: async () => {
        const outcome = await runNightlyBackup(
          db,
          { ...backup, timeZone, engine: database.engine, appVersion: version },
          clock,
        );
        if (outcome.status === 'failed') log(`nightly backup into ${backup.dir} failed: ${outcome.error}`);
      },
    });
  }
  // Messages to customers: the outbox and the events routed to contacts and channels, then due messages sent
  // (claimed with SKIP LOCKED, so several instances never send one twice). Channels are configured by environment.
  const channels = channelConfigFromEnv(process.env);
  const attachments = messageAttachments(timeZone, clock);
  jobs.push(
    {
      name: JOBS.messages,
      cron: '* * * * *',
      run: async () => {
        await routeMessages(db, clock());
        await deliverMessages(db, clock(), { channels, attachments, log: (line) => log(line) });
      },
    },
    // 月度订单分析报表: last month's report on the 1st at 06:00, tried again each morning until the 5th; the month's
    // claim row makes one instance build it and tell the directors and general managers once.
    {
      name: JOBS.monthlyReports,
      cron: '0 6 1-5 * *',
      tz: timeZone,
      run: () => runMonthlyReports(db, timeZone, clock(), log).then(() => {}),
    },
    // Sent quotations past their validity are marked expired, every day just after midnight (company time zone).
    {
      name: JOBS.quotationExpiry,
      cron: '5 0 * * *',
      tz: timeZone,
      run: async () => {
        const now = clock();
        await expireQuotations(db, localDate(now, timeZone), now, (e, q) =>
          log(`quotation ${q.id} of company ${q.companyId} did not expire`, e),
        );
      },
    },
    // Large Excel imports, queued by the upload with the stored file; one job at a time per instance, not retried
    // (a job that started is failed or succeeded by its own run).
    {
      name: JOBS.imports,
      pollingIntervalSeconds: 1,
      run: (data) =>
        runImportJob(db, (data as { id: string }).id, { orders: importOrders }, clock, timeZone, log).then(() => {}),
    },
  );
  return jobs;
}

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
  for (const job of jobDefinitions(database, { log, timeZone, backup })) {
    await boss.createQueue(job.name);
    if (job.cron) await boss.schedule(job.name, job.cron, {}, job.tz ? { tz: job.tz } : {});
    const options = job.pollingIntervalSeconds ? { pollingIntervalSeconds: job.pollingIntervalSeconds } : {};
    await boss.work(job.name, options, async ([j]) => {
      await job.run(j?.data);
    });
  }
  return boss;
}
