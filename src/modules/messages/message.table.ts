import type { ColumnType, Generated } from 'kysely';

import type { MessageChannel } from '../../lib/message-kinds';

export { MESSAGE_CHANNELS, type MessageChannel } from '../../lib/message-kinds';
export type MessageStatus = 'queued' | 'sent' | 'failed' | 'dead';
export type MessageLanguage = 'zh' | 'en';

/** One message to one recipient over one channel; `source` names what it was made from (outbox row or event). */
export interface MessagesTable {
  company_id: string;
  id: Generated<string>;
  customer_id: string | null;
  kind: string;
  channel: MessageChannel;
  /** The e-mail address or phone number; empty for a group robot (the company's group chat). */
  recipient: Generated<string>;
  contact_name: Generated<string>;
  language: Generated<MessageLanguage>;
  params: ColumnType<Record<string, string>, string, string>;
  source: string;
  status: Generated<MessageStatus>;
  attempts: Generated<number>;
  next_attempt_at: Date;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Date;
}
