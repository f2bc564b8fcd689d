// 通知: a user's notices.
import { call } from './client';

export type Notice = {
  id: string;
  kind: string;
  params: Record<string, string>;
  orderId: string | null;
  orderNumber: string | null;
  createdAt: string;
  readAt: string | null;
};

export const notificationsApi = {
  /** The latest notices and how many are unread (counted up to 100: the badge shows 99+). */
  list: (limit = 100): Promise<{ unread: number; items: Notice[] }> =>
    call('GET /api/notifications', { query: { limit } }),
  unreadCount: (): Promise<{ unread: number }> => call('GET /api/notifications/unread-count'),
  readAll: (): Promise<unknown> => call('POST /api/notifications/read', { body: { all: true } }),
};
