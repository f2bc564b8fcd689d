/** The events other systems may subscribe to; `*` takes them all. */
export const WEBHOOK_EVENTS = [
  'order.awaiting_confirmation',
  'order.confirmed',
  'order.changed',
  'order.cancelled',
  'order.held',
  'order.resumed',
  'order.completed',
  'order.short_closed',
  'shipment.shipped',
  'shipment.delivered',
  'shipment.cancelled',
  'receipt.recorded',
  'receivable.overdue',
  'return.approved',
  'return.received',
  'return.refunded',
  'allocation.committed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];
