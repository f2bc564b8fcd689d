import { createHmac, randomUUID } from 'node:crypto';
import { PermanentFailure, type ChannelIo, type Outgoing, type SmsConfig } from './channel';

/** An SMS provider: sends a registered template with its parameters to one phone number, or throws. */
export interface SmsProvider {
  send(to: string, m: Outgoing, io: ChannelIo): Promise<void>;
}

/** Aliyun's POP encoding: RFC 3986, so `!'()*` are escaped and `~` is not. */
const percentEncode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Aliyun RPC signature (SignatureVersion 1.0): HMAC-SHA1 by "secret&" of `GET&%2F&` + the encoded, sorted query.
 */
export function aliyunSignature(secret: string, params: Record<string, string>, method = 'GET') {
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k])}`)
    .join('&');
  const toSign = `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(toSign).digest('base64');
}

/** Aliyun SMS (dysmsapi 2017-05-25 SendSms); the endpoint is configurable (a local stand-in in tests). */
export function aliyunSms(cfg: SmsConfig): SmsProvider {
  return {
    async send(to, m, io) {
      const template = cfg.templates[m.kind];
      if (!template) throw new PermanentFailure(`no SMS template for ${m.kind}`);
      const params: Record<string, string> = {
        AccessKeyId: cfg.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        PhoneNumbers: to,
        RegionId: 'cn-hangzhou',
        SignName: cfg.signName,
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: randomUUID(),
        SignatureVersion: '1.0',
        TemplateCode: template,
        TemplateParam: JSON.stringify(m.params),
        Timestamp: io.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        Version: '2017-05-25',
      };
      const query = new URLSearchParams({ ...params, Signature: aliyunSignature(cfg.accessKeySecret, params) });
      const res = await io.fetch(`${cfg.endpoint}?${query}`, { signal: AbortSignal.timeout(io.timeoutMs) });
      const answer = (await res.json().catch(() => ({}))) as { Code?: string; Message?: string };
      if (!res.ok || answer.Code !== 'OK')
        throw new Error(`HTTP ${res.status} ${answer.Code ?? ''} ${answer.Message ?? ''}`.trim().slice(0, 200));
    },
  };
}

export async function sendSms(cfg: SmsConfig | undefined, m: Outgoing, io: ChannelIo) {
  if (!cfg) throw new PermanentFailure('SMS not configured');
  if (!m.recipient) throw new PermanentFailure('no phone number');
  await aliyunSms(cfg).send(m.recipient, m, io);
}
