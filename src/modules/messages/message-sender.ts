import type { Db } from '../../db/database';
import { maskContactDetails } from '../../lib/mask';
import { backoffMs, errorText, LEASE_MS } from '../../lib/retry';
import { applyEvent, type Actor } from '../../lib/state-machine';
import { notifyRole } from '../notifications/notification.service';
import {
  PermanentFailure,
  type Attachment,
  type ChannelConfig,
  type ChannelIo,
  type Outgoing,
} from './channels/channel';
import { sendEmail } from './channels/email';
import { sendDingtalk, sendWecom } from './channels/robots';
import { sendSms } from './channels/sms';
import { renderMessage } from './message-templates';
import { messageMachine } from './message.machine';
import type { MessageChannel } from './message.table';
import * as repo from './message.repository';

type Claimed = Awaited<ReturnType<typeof repo.claimDueMessages>>[number];

/** Files a kind of message carries (the statement's xlsx), made by whoever owns them; the job runner wires them. */
export type AttachmentSource = (
  db: Db,
  m: { companyId: string; customerId: string | null; language: string; params: Record<string, string> },
) => Promise<Attachment[]>;

export type SendOptions = {
  channels: ChannelConfig;
  attachments?: Partial<Record<string, AttachmentSource>>;
  /** The HTTP client of the robots and the SMS provider (the platform's fetch unless a caller passes its own). */
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** After this many failed tries the message is dead and the admins are told. */
  maxAttempts?: number;
  batch?: number;
  /** One line per failed try, with no recipient or text in it. */
  log?: (line: string) => void;
};

export const MAX_ATTEMPTS = 6;

const CHANNELS: Record<MessageChannel, (cfg: ChannelConfig, m: Outgoing, io: ChannelIo) => Promise<void>> = {
  email: (cfg, m, io) => sendEmail(cfg.smtp, m, io),
  sms: (cfg, m, io) => sendSms(cfg.sms, m, io),
  wecom: (cfg, m, io) => sendWecom(cfg.wecom, m, io),
  dingtalk: (cfg, m, io) => sendDingtalk(cfg.dingtalk, m, io),
};

/** Sends every due message once: a channel's yes sends it; a no schedules the next try or, at the last, gives up. */
export async function deliverDue(db: Db, now: Date, opts: SendOptions) {
  const claimed = await db.transaction().execute((trx) => repo.claimDueMessages(trx, now, opts.batch ?? 50, LEASE_MS));
  const result = { sent: 0, failed: 0, dead: 0 };
  for (const m of claimed) result[await sendOne(db, m, now, opts)]++;
  return result;
}

/** The sender acts as no user: the history shows the system. */
const systemActor = (companyId: string): Actor => ({ userId: null as unknown as string, companyId, roles: ['system'] });

async function sendOne(db: Db, m: Claimed, now: Date, opts: SendOptions): Promise<'sent' | 'failed' | 'dead'> {
  let error: string | null = null;
  let permanent = false;
  try {
    const { subject, text } = renderMessage(m.kind, m.language, m.params);
    const source = m.channel === 'email' ? opts.attachments?.[m.kind] : undefined;
    const attachments = source
      ? await source(db, { companyId: m.company_id, customerId: m.customer_id, language: m.language, params: m.params })
      : [];
    const outgoing = { id: m.id, kind: m.kind, recipient: m.recipient, subject, text, params: m.params, attachments };
    const io = { fetch: opts.fetch ?? fetch, now, timeoutMs: opts.timeoutMs ?? 15_000 };
    await CHANNELS[m.channel](opts.channels, outgoing, io);
  } catch (e) {
    // Servers quote the address they refused: what is kept and logged has none.
    error = maskContactDetails(errorText(e, 'send failed'));
    permanent = e instanceof PermanentFailure;
  }
  const attempts = m.attempts + 1;
  const actor = systemActor(m.company_id);
  const move = { entityId: m.id, current: m.status, actor, context: {}, at: now };
  if (error) opts.log?.(`message ${m.id} (${m.kind}, ${m.channel}) try ${attempts} failed: ${error}`);
  return db.transaction().execute(async (trx) => {
    if (!error) {
      await applyEvent(trx, messageMachine, {
        ...move,
        event: 'send',
        patch: { attempts, last_error: null, sent_at: now },
      });
      return 'sent';
    }
    if (permanent || attempts >= (opts.maxAttempts ?? MAX_ATTEMPTS)) {
      await applyEvent(trx, messageMachine, {
        ...move,
        event: 'give_up',
        patch: { attempts, last_error: error },
        reason: error,
      });
      await notifyRole(trx, m.company_id, 'admin', {
        kind: 'message_dead',
        params: { kind: m.kind, channel: m.channel, attempts },
      });
      return 'dead';
    }
    const next = new Date(now.getTime() + backoffMs(attempts));
    await applyEvent(trx, messageMachine, {
      ...move,
      event: 'fail',
      patch: { attempts, last_error: error, next_attempt_at: next },
      reason: error,
    });
    return 'failed';
  });
}
