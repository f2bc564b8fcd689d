import { createHmac } from 'node:crypto';
import { PermanentFailure, type ChannelIo, type Outgoing, type RobotConfig } from './channel';

// Group robots: WeCom (企业微信) and DingTalk (钉钉) webhooks post a text into the company's group chat.

/** DingTalk's signed webhook: `timestamp` (ms) and `sign` = base64 HMAC-SHA256 of "timestamp\nsecret" by the secret. */
export function dingtalkSignedUrl(url: string, secret: string, timestampMs: number) {
  const sign = createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
  const u = new URL(url);
  u.searchParams.set('timestamp', String(timestampMs));
  u.searchParams.set('sign', sign);
  return u.toString();
}

/** Both robots answer 200 with `{ errcode: 0 }` when the text was posted. */
async function postRobot(url: string, body: unknown, io: ChannelIo) {
  const res = await io.fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    redirect: 'manual',
    signal: AbortSignal.timeout(io.timeoutMs),
  });
  const answer = (await res.json().catch(() => ({}))) as { errcode?: number; errmsg?: string };
  if (!res.ok || answer.errcode !== 0)
    throw new Error(`HTTP ${res.status} errcode ${answer.errcode ?? '-'} ${answer.errmsg ?? ''}`.trim().slice(0, 200));
}

const content = (m: Outgoing) => `${m.subject}\n${m.text}`;

export async function sendWecom(cfg: RobotConfig | undefined, m: Outgoing, io: ChannelIo) {
  if (!cfg) throw new PermanentFailure('WeCom robot not configured');
  await postRobot(cfg.url, { msgtype: 'text', text: { content: content(m) } }, io);
}

export async function sendDingtalk(cfg: RobotConfig | undefined, m: Outgoing, io: ChannelIo) {
  if (!cfg) throw new PermanentFailure('DingTalk robot not configured');
  const url = cfg.secret ? dingtalkSignedUrl(cfg.url, cfg.secret, io.now.getTime()) : cfg.url;
  await postRobot(url, { msgtype: 'text', text: { content: content(m) } }, io);
}
