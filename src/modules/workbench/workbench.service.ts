import pLimit from 'p-limit';
import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { todayOf } from '../../lib/local-date';
import { formatMoney, parseMoney } from '../../lib/money';
import { hasRole, type Role } from '../auth/roles';
import type { Actor } from '../auth/auth.service';
import { countOpenStagesFor } from '../review/review.repository';
import { fulfilmentQueueCount } from '../shipping/queues';
import { listPickLists } from '../allocation/pick-lists';
import { listReservations } from '../allocation/reservations';
import { listExceptions } from '../shipping/tracking.service';
import { listCallbacks } from '../feedback/callbacks';
import { listComplaints } from '../feedback/complaints';
import { overdueOutstandingCount } from '../receivables/receivable.service';
import { listCreditChangeRequests } from '../credit/credit-changes';
import { listProductionRequests } from '../production/production.service';
import { listNotifications } from '../notifications/notification.service';
import { listChangeRequests } from '../changes/change.service';
import { listReturns } from '../returns/return.service';
import { listPrepRequests } from '../prep/prep-requests';
import type { ReturnStatus } from '../returns/return.table';
import { backupStatus } from '../backups/nightly-backup';
import { monthFigures, orderCounts, type OrderCount } from './workbench.repository';

type View = { db: Db; actor: Actor; env: Env; today: string };
type Count = { count: number; late?: number };

type Todo = { key: string; roles: Role[]; path: string } & (
  | { count: (v: View) => Promise<Count> }
  /** An order count, counted with the user's other order counts in one statement (orderCounts). */
  | { orders: OrderCount }
);

/**
 * 工作台: each to-do is counted with the filter of the very list it opens, so the number on the card is what the
 * list shows. `path` is the list with its filter; `late` counts the ones past their time limit.
 */
const TODOS: Todo[] = [
  {
    key: 'myDrafts',
    roles: ['sales_assistant'],
    path: '/orders?status=draft&mine=true',
    orders: { status: 'draft', mine: true },
  },
  {
    key: 'myRejected',
    roles: ['sales_assistant'],
    path: '/orders?status=rejected&mine=true',
    orders: { status: 'rejected', mine: true },
  },
  {
    key: 'awaitingConfirmation',
    roles: ['sales_assistant', 'order_admin'],
    path: '/orders?status=awaiting_confirmation',
    orders: { status: 'awaiting_confirmation', mine: false },
  },
  {
    key: 'toReview',
    roles: ['reviewer', 'sales_director', 'general_manager', 'finance', 'production_planner'],
    path: '/review',
    count: (v) => countOpenStagesFor(v.db, v.actor.companyId, v.actor.userId, v.actor.roles, v.env.now),
  },
  {
    key: 'onHold',
    roles: ['order_admin', 'sales_director'],
    path: '/orders?status=on_hold',
    orders: { status: 'on_hold', mine: false },
  },
  {
    key: 'toPick',
    roles: ['warehouse'],
    path: '/warehouse',
    count: async (v) => ({ count: await fulfilmentQueueCount(v.db, v.actor, 'warehouse') }),
  },
  {
    key: 'openPickLists',
    roles: ['warehouse', 'allocation_planner'],
    path: '/pick-lists',
    count: async (v) => ({ count: (await listPickLists(v.db, v.actor, { status: 'open' })).length }),
  },
  {
    key: 'heldReservations',
    roles: ['allocation_planner'],
    path: '/reservations',
    count: async (v) => ({ count: (await listReservations(v.db, v.actor, { status: 'held', today: v.today })).length }),
  },
  {
    key: 'logisticsExceptions',
    roles: ['logistics'],
    path: '/logistics',
    count: async (v) => ({ count: (await listExceptions(v.db, v.actor, 'open')).length }),
  },
  {
    key: 'toCallBack',
    roles: ['customer_service'],
    path: '/service',
    count: async (v) => lateCount(await listCallbacks(v.db, v.actor, v.env, 'open')),
  },
  {
    key: 'openComplaints',
    roles: ['customer_service', 'order_admin'],
    path: '/service',
    count: async (v) => lateCount(await listComplaints(v.db, v.actor, v.env, { status: 'open' })),
  },
  {
    key: 'awaitingPayment',
    roles: ['finance'],
    path: '/finance',
    count: async (v) => ({ count: await fulfilmentQueueCount(v.db, v.actor, 'finance') }),
  },
  {
    key: 'overdueReceivables',
    roles: ['finance'],
    path: '/finance',
    count: async (v) => ({
      // Paid receivables are history (the finance page lists open ones only), however late they were paid.
      count: await overdueOutstandingCount(v.db, v.actor.companyId, v.today),
    }),
  },
  {
    key: 'creditRequests',
    roles: ['credit_controller'],
    path: '/finance',
    count: async (v) => ({ count: (await listCreditChangeRequests(v.db, v.actor, { status: 'pending' })).length }),
  },
  {
    key: 'productionRequests',
    roles: ['production_planner'],
    path: '/production',
    count: async (v) => ({
      count: (await listProductionRequests(v.db, v.actor, v.env, { status: 'requested' })).length,
    }),
  },
  {
    key: 'changeApprovals',
    roles: ['reviewer', 'finance', 'warehouse', 'production_planner', 'sales_director', 'general_manager'],
    path: '/change-requests',
    count: async (v) => {
      const { items } = await listChangeRequests(v.db, v.actor, v.env, { stage: 'mine' });
      return { count: items.length };
    },
  },
  {
    key: 'returnsToReview',
    roles: ['sales_director', 'order_admin'],
    path: '/returns?status=requested',
    count: (v) => returnCount(v, 'requested'),
  },
  {
    key: 'returnsToReceive',
    roles: ['warehouse'],
    path: '/returns?status=awaiting_goods',
    count: (v) => returnCount(v, 'awaiting_goods'),
  },
  {
    key: 'refundsToRecord',
    roles: ['finance'],
    path: '/returns?status=refund_pending',
    count: (v) => returnCount(v, 'refund_pending'),
  },
  {
    key: 'prepToDecide',
    roles: ['sales_director', 'general_manager'],
    path: '/prep-requests',
    count: async (v) => {
      const status = hasRole(v.actor.roles, ['sales_director']) ? 'pending_director' : 'pending_gm';
      return { count: (await listPrepRequests(v.db, v.actor, { status })).length };
    },
  },
];

const MANAGERS: Role[] = ['general_manager', 'sales_director', 'order_admin'];
const firstPage = { page: 1, pageSize: 1 } as const;

async function returnCount(v: View, status: ReturnStatus) {
  return { count: (await listReturns(v.db, v.actor, { ...firstPage, status })).total };
}

function lateCount(items: { late: boolean }[]): Count {
  return { count: items.length, late: items.filter((i) => i.late).length };
}

/**
 * The user's to-dos (only those of their roles, with counts), latest notifications, the month for managers, and
 * for admins the last backup (`backupScheduled`: the embedded database backs itself up every night).
 */
export async function workbench(db: Db, actor: Actor, env: Env, opts = { backupScheduled: false }) {
  const view: View = { db, actor, env, today: todayOf(env) };
  const mine = TODOS.filter((d) => hasRole(actor.roles, d.roles));
  const ofOrders = mine.flatMap((d) => ('orders' in d ? [d.orders] : []));
  // The counts are independent reads: on the server two run at a time on the pool's connections, so an admin's
  // twenty cards take 64–89 ms rather than 115–135 at 1M orders (on two cores; more lanes only queued for the cores
  // and kept more connections from other users). The embedded database has one connection and runs them in turn.
  const lane = pLimit(2);
  const orders = lane(() => orderCounts(db, actor.companyId, actor.userId, ofOrders));
  const count = async (d: Todo): Promise<Count> =>
    'orders' in d ? { count: (await orders)[ofOrders.indexOf(d.orders)] } : lane(() => d.count(view));
  const [todos, notifications, month, backup] = await Promise.all([
    Promise.all(mine.map(async (d) => ({ key: d.key, path: d.path, ...(await count(d)) }))),
    lane(() => listNotifications(db, actor, { limit: 5 })),
    hasRole(actor.roles, MANAGERS) ? lane(() => monthOf(db, actor, view.today)) : null,
    hasRole(actor.roles, ['admin']) ? lane(() => backupStatus(db, opts.backupScheduled)) : null,
  ]);
  return { todos, notifications, month, backup };
}

/** The month so far for managers: orders taken, their value, completed, money received. */
async function monthOf(db: Db, actor: Actor, today: string) {
  const from = `${today.slice(0, 7)}-01`;
  const f = await monthFigures(db, actor.companyId, from, today);
  return {
    from,
    to: today,
    orders: f.orders,
    value: formatMoney(parseMoney(f.value)),
    completed: f.completed,
    collected: formatMoney(parseMoney(f.collected)),
  };
}
