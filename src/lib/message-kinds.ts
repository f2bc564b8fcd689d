// The vocabulary of messages to customers, shared by the messages module and the company settings (each kind's
// default channels): what a customer is told, and the channels that can tell it.

export const MESSAGE_CHANNELS = ['email', 'sms', 'wecom', 'dingtalk'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export const MESSAGE_KINDS = [
  'order_to_sign',
  'order_confirmed',
  'change_awaiting_confirmation',
  'shipped',
  'delivered',
  'payment_reminder',
  'overdue',
  'monthly_statement',
  'return_approved',
  'refund_made',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const isMessageKind = (k: string): k is MessageKind => (MESSAGE_KINDS as readonly string[]).includes(k);

/** The channels of each kind for contacts who chose none, until the company's settings say otherwise. */
export const KIND_CHANNELS: Record<MessageKind, MessageChannel[]> = {
  order_to_sign: ['email', 'sms'],
  order_confirmed: ['sms'],
  change_awaiting_confirmation: ['email', 'sms'],
  shipped: ['sms'],
  delivered: ['sms'],
  payment_reminder: ['sms'],
  overdue: ['sms'],
  monthly_statement: ['email'],
  return_approved: ['sms'],
  refund_made: ['sms'],
};
