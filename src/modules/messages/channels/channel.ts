// What every channel gets and how it says no.

export type Attachment = { filename: string; content: Buffer; contentType?: string };

/** A message ready to leave: rendered in the recipient's language. */
export type Outgoing = {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  text: string;
  params: Record<string, string>;
  attachments: Attachment[];
};

export type SmtpConfig = { host: string; port: number; secure: boolean; user?: string; pass?: string; from: string };
export type RobotConfig = { url: string; secret?: string };
/** Aliyun SMS (dysmsapi SendSms): the keys, the signature name and a registered template code per message kind. */
export type SmsConfig = {
  provider: 'aliyun';
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templates: Record<string, string>;
};

/** Where and how messages leave; a channel that is not configured refuses its messages. */
export type ChannelConfig = { smtp?: SmtpConfig; wecom?: RobotConfig; dingtalk?: RobotConfig; sms?: SmsConfig };

/** What a channel needs from outside: the HTTP client, the clock and a time limit. */
export type ChannelIo = { fetch: typeof fetch; now: Date; timeoutMs: number };

/** A refusal no retry can change (no address, channel not configured): the message is given up at once. */
export class PermanentFailure extends Error {
  override name = 'PermanentFailure';
}
