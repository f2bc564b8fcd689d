import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import type { PageQuery } from '../../lib/schemas';
import { applyEvent, availableEvents } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { renderMessage } from './message-templates';
import { messageMachine } from './message.machine';
import type { MessageLanguage } from './message.table';
import * as repo from './message.repository';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findMessage>>>;

/** A message as the admin sees it: its text rendered in the viewer's language, and the moves it allows. */
function messageOf(r: Row, actor: Actor, viewer: MessageLanguage) {
  const rendered = renderMessage(r.kind, viewer, r.params);
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name ?? '',
    kind: r.kind,
    channel: r.channel,
    recipient: r.recipient,
    contactName: r.contact_name,
    language: r.language,
    params: r.params,
    subject: rendered.subject,
    text: rendered.text,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'queued' || r.status === 'failed' ? r.next_attempt_at : null,
    lastError: r.last_error,
    sentAt: r.sent_at,
    createdAt: r.created_at,
    actions: availableEvents(messageMachine, r.status, actor),
  };
}

export async function listMessages(db: Db, actor: Actor, viewer: MessageLanguage, f: repo.MessageFilter, q: PageQuery) {
  const page = await repo.messagesPage(db, actor.companyId, f, q);
  return { ...page, items: page.items.map((r) => messageOf(r, actor, viewer)) };
}

/** A failed or dead message sent again from now, with a fresh count of tries. */
export async function retryMessage(db: Db, actor: Actor, env: Env, viewer: MessageLanguage, id: string) {
  const m = await repo.findMessage(db, actor.companyId, id);
  if (!m) throw new AppError('MESSAGE.NOT_FOUND');
  await applyEvent(db, messageMachine, {
    entityId: id,
    current: m.status,
    event: 'retry',
    actor,
    context: {},
    patch: { attempts: 0, next_attempt_at: env.now },
    at: env.now,
  });
  return messageOf((await repo.findMessage(db, actor.companyId, id))!, actor, viewer);
}
