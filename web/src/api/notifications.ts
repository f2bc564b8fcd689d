// 通知: a user's notices.

export type Notice = {
  id: string;
  kind: string;
  params: Record<string, string>;
  orderId: string | null;
  orderNumber: string | null;
  createdAt: string;
  readAt: string | null;
};
