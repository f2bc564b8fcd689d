import type { MessageChannel } from './message.table';

/** What a customer is told. */
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

/** The channels of a kind when neither the company's settings nor the contact chose any. */
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

/** Domain events a customer hears of, and as what (shipped comes from the shipment's outbox row, with tracking). */
export const EVENT_KINDS: Record<string, MessageKind> = {
  'order.awaiting_confirmation': 'order_to_sign',
  'order.confirmed': 'order_confirmed',
  'order.changed': 'change_awaiting_confirmation',
  'shipment.delivered': 'delivered',
  'receivable.overdue': 'overdue',
  'return.approved': 'return_approved',
  'return.refunded': 'refund_made',
};
