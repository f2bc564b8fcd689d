// 工作台: the user's to-dos by role, the latest notifications and the month for managers.
import { call } from './client';
import type { Notice } from './notifications';

export type Todo = { key: string; path: string; count: number; late?: number };
export type Workbench = {
  todos: Todo[];
  notifications: { unread: number; items: Notice[] };
  month: { from: string; to: string; orders: number; value: string; completed: number; collected: string } | null;
  /** Admins only: the last backup (scheduled: the embedded database backs itself up every night). */
  backup: {
    scheduled: boolean;
    lastSuccess: { at: string; file: string; sizeBytes: number } | null;
    lastFailure: { at: string; error: string } | null;
  } | null;
};

export const workbenchApi = {
  get: (): Promise<Workbench> => call('GET /api/workbench'),
};
