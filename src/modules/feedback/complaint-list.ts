import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import type { Lang } from '../../lib/errors';
import { toXlsx } from '../../lib/excel';
import { localDateTime } from '../../lib/local-date';
import type { PageQuery } from '../../lib/schemas';
import type { Actor } from '../auth/auth.service';
import { complaintLabels, complaintTypeLabels, resolutionLabels } from './complaint.labels';
import { complaintRowToComplaint } from './complaints';
import * as repo from './complaint-list.repository';

export const COMPLAINTS_EXPORT_LIMIT = 10_000;
export type ComplaintListFilter = Omit<repo.ComplaintFilter, 'timeZone'>;

/** 投诉列表: one page of complaints under the filter, with their customer and the steps this user may take. */
export async function searchComplaints(db: Db, actor: Actor, env: Env, q: PageQuery & ComplaintListFilter) {
  const page = await repo.pageComplaints(db, actor.companyId, { ...q, timeZone: env.workingHours.timeZone });
  return {
    ...page,
    items: page.items.map((c) => ({
      ...complaintRowToComplaint(c, actor, env.now),
      customerId: c.customer_id,
      customerName: c.customer_name,
      createdAt: c.created_at,
    })),
  };
}

/** The list as the filter shows it, in the request's language (headers, statuses, types). */
export async function exportComplaints(db: Db, actor: Actor, env: Env, lang: Lang, f: ComplaintListFilter) {
  const tz = env.workingHours.timeZone;
  const rows = await repo.allComplaints(db, actor.companyId, { ...f, timeZone: tz }, COMPLAINTS_EXPORT_LIMIT);
  const h = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const label = (l: { zh: string; en: string } | undefined) => (l ? h(l.zh, l.en) : '');
  return toXlsx([
    {
      name: h('投诉', 'Complaints'),
      columns: [
        { key: 'orderNumber', header: h('订单号', 'Order') },
        { key: 'customerCode', header: h('客户编码', 'Customer code') },
        { key: 'customerName', header: h('客户', 'Customer'), width: 24 },
        { key: 'type', header: h('投诉类型', 'Type') },
        { key: 'description', header: h('问题描述', 'Description'), width: 30 },
        { key: 'status', header: h('状态', 'Status') },
        { key: 'resolution', header: h('处理方式', 'Resolution') },
        { key: 'amount', header: h('折让金额', 'Allowance') },
        { key: 'createdAt', header: h('登记时间', 'Registered at'), width: 18 },
        { key: 'dueAt', header: h('处理期限', 'Due at'), width: 18 },
        { key: 'closeResult', header: h('处理结果', 'Result'), width: 30 },
        { key: 'satisfaction', header: h('满意度', 'Satisfaction') },
      ],
      rows: rows.map((c) => ({
        orderNumber: c.number,
        customerCode: c.customer_code,
        customerName: c.customer_name,
        type: label(complaintTypeLabels[c.type]),
        description: c.description,
        status: label(complaintLabels.states[c.status]),
        resolution: label(c.resolution ? resolutionLabels[c.resolution] : undefined),
        amount: c.amount ?? '',
        createdAt: localDateTime(c.created_at, tz),
        dueAt: localDateTime(c.due_at, tz),
        closeResult: c.close_result ?? '',
        satisfaction: c.satisfaction ?? '',
      })),
    },
  ]);
}
