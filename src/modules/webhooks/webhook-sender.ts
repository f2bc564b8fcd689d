import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Db } from '../../db/database';
import { applyEvent } from '../../lib/state-machine';
import { backoffMs, errorText, LEASE_MS } from '../../lib/retry';
import { notifyRole } from '../notifications/notification.service';
import * as repo from './webhook.repository';
import { deliveryMachine } from './webhook-delivery.machine';

export type SendOptions = {
  /** The HTTP client (the platform's fetch unless a caller passes its own). */
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** After this many failed tries the delivery is dead and the admins are told. */
  maxAttempts?: number;
  batch?: number;
};

export const MAX_ATTEMPTS = 8;
export { backoffMs };

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`: receivers recompute it with the subscription's secret. */
export function signature(secret: string, unixSeconds: number, body: string) {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** Fans new events out to the subscriptions that chose them (one delivery per subscription and event). */
export async function dispatchEvents(db: Db, now: Date, limit = 500) {
  return db.transaction().execute(async (trx) => {
    const events = await repo.claimEvents(trx, limit);
    for (const e of events) await repo.fanOut(trx, e, now);
    return events.length;
  });
}

type Claimed = Awaited<ReturnType<typeof repo.claimDueDeliveries>>[number];

/** Sends every due delivery once: 2xx delivers it, anything else schedules the next try or, at the last, gives up. */
export async function deliverDue(db: Db, now: Date, opts: SendOptions = {}) {
  const claimed = await db
    .transaction()
    .execute((trx) => repo.claimDueDeliveries(trx, now, opts.batch ?? 50, LEASE_MS));
  const result = { delivered: 0, failed: 0, dead: 0 };
  for (const d of claimed) result[await sendOne(db, d, now, opts)]++;
  return result;
}

async function sendOne(db: Db, d: Claimed, now: Date, opts: SendOptions): Promise<'delivered' | 'failed' | 'dead'> {
  const body = JSON.stringify({
    id: d.event_id,
    type: d.type,
    occurredAt: d.occurred_at.toISOString(),
    data: { entityType: d.entity_type, entityId: d.entity_id, ...d.data },
  });
  const t = Math.floor(now.getTime() / 1000);
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const res = await (opts.fetch ?? fetch)(d.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Luyue-Webhooks/1',
        'luyue-signature': signature(d.secret, t, body),
        'luyue-event': d.type,
        'luyue-delivery': d.id,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    statusCode = res.status;
    // Only the status matters; the body is read (and capped) so the connection is released.
    const text = await res.text().catch(() => '');
    if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status} ${text.slice(0, 200)}`.trim();
  } catch (e) {
    error = errorText(e);
  }
  const durationMs = Math.round(performance.now() - started);
  const attempts = d.attempts + 1;
  const actor = { userId: d.created_by, companyId: d.company_id, roles: ['system'] };
  return db.transaction().execute(async (trx) => {
    await repo.insertAttempt(trx, {
      company_id: d.company_id,
      delivery_id: d.id,
      at: now,
      status_code: statusCode,
      error,
      duration_ms: durationMs,
    });
    if (!error) {
      const patch = { attempts, last_status_code: statusCode, last_error: null, delivered_at: now };
      await applyEvent(trx, deliveryMachine, {
        entityId: d.id,
        current: 'pending',
        event: 'deliver',
        actor,
        context: {},
        patch,
        at: now,
      });
      return 'delivered';
    }
    if (attempts >= (opts.maxAttempts ?? MAX_ATTEMPTS)) {
      await applyEvent(trx, deliveryMachine, {
        entityId: d.id,
        current: 'pending',
        event: 'give_up',
        actor,
        context: {},
        patch: { attempts, last_status_code: statusCode, last_error: error },
        reason: error,
        at: now,
      });
      await notifyRole(trx, d.company_id, 'admin', {
        kind: 'webhook_dead',
        params: { type: d.type, url: new URL(d.url).host, attempts },
      });
      return 'dead';
    }
    const next = new Date(now.getTime() + backoffMs(attempts));
    await repo.recordFailure(trx, d.company_id, d.id, { attempts, statusCode, error, next });
    return 'failed';
  });
}
