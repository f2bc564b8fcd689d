// Messages to customers (e-mail, SMS, WeCom and DingTalk groups): the list and sending one again.
import { call, urlOf } from './client';

export type MessageStatus = 'queued' | 'sent' | 'failed' | 'dead';
export type OutMessage = {
  id: string;
  customerId: string | null;
  customerName: string;
  kind: string;
  channel: 'email' | 'sms' | 'wecom' | 'dingtalk';
  recipient: string;
  contactName: string;
  language: 'zh' | 'en';
  params: Record<string, string>;
  subject: string;
  text: string;
  status: MessageStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
  actions: string[];
};

export const MESSAGE_CHANNELS = ['email', 'sms', 'wecom', 'dingtalk'] as const;
export const MESSAGE_STATUSES = ['queued', 'sent', 'failed', 'dead'] as const;

export const messagesApi = {
  listUrl: () => urlOf('GET /api/messages'),
  retry: (id: string): Promise<OutMessage> => call('POST /api/messages/{id}/retry', { params: { id } }),
};
