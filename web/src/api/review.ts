// 审单: review stages, the order's checks and the review queue.
import { call } from './client';

export type Stage = {
  round: number;
  seq: number;
  stage: string;
  role: string;
  status: string;
  startedAt: string | null;
  dueAt: string | null;
  late: boolean;
  decidedByName: string | null;
  decidedAt: string | null;
  reason: string | null;
};

export type Checks = {
  completeness: { ok: boolean; missing: string[]; writtenConfirmationMissing: boolean };
  qualification: { newCustomer: boolean; documents: number; ok: boolean };
  credit: { applies: boolean; limit: string; used: string; thisOrder: string; available: string; ok: boolean };
  stock: { ok: boolean; lines: { lineNo: number; sku: string; qty: number; available: number; shortage: number }[] };
  margin: { total: string; cost: string; margin: string; ok: boolean };
};

export type QueueItem = {
  orderId: string;
  number: string;
  customerName: string;
  total: string;
  urgency: string;
  stage: string;
  dueAt: string | null;
  late: boolean;
  claimedByMe: boolean;
};

export const reviewApi = {
  /** The orders waiting at the stages this user reviews. */
  queue: (): Promise<QueueItem[]> => call('GET /api/review-queue'),
  claim: (): Promise<{ claimed: number }> => call('POST /api/review-queue/claim', { body: {} }),
  release: (): Promise<unknown> => call('POST /api/review-queue/release', { body: {} }),
};
