import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import type { Label } from '../../lib/errors';
import { formatYuan, parseMoney } from '../../lib/money';
import type { PdfBlock } from '../../lib/pdf';
import { labelFor, printTime, wordsFor, type PrintContext } from '../../lib/printable';
import { invoiceTypeLabels, renderReason } from '../../lib/reason-codes';
import type { Actor } from '../auth/auth.service';
import { callbackLabels } from '../feedback/callback.labels';
import { complaintLabels, complaintTypeLabels, resolutionLabels } from '../feedback/complaint.labels';
import { listComplaints } from '../feedback/complaints';
import { orderLabels } from '../orders/order.labels';
import { orderHistory, type Order } from '../orders/order.service';
import { METHOD_LABELS } from '../payments/receipt-export';
import { allInvoices } from '../receivables/finance-lists';
import { returnForm } from '../returns/return-form';
import { returnLabels } from '../returns/return.labels';
import { listReturnHistory, listReturns, RETURN_OWNER } from '../returns/return.service';
import { listAttachments } from '../attachments/attachment.service';
import * as repo from './archive.repository';
import { fileBlocks, formBlocks, type DossierFile } from './dossier-blocks';

// The dossier after delivery: call-backs, complaints, returns, money (receivables, receipts, invoices), the
// list of original uploads and the complete history.

const RECEIVABLE_KIND: Record<string, Label> = {
  shipment: { zh: '发货应收', en: 'Shipment' },
  statement: { zh: '对账单', en: 'Statement' },
  allowance: { zh: '折让', en: 'Allowance' },
  return_credit: { zh: '退货冲减', en: 'Return credit' },
};
const OTHER_EVENTS: Record<string, Label> = { archive: { zh: '归档', en: 'Archived' } };
const OUTCOME: Record<string, Label> = {
  ok: { zh: '无问题', en: 'No problem' },
  problem: { zh: '有问题', en: 'Problem' },
};
const yuan = (s: string | null | undefined) => (s ? formatYuan(parseMoney(s)) : '');

export async function afterDeliverySections(db: Db, actor: Actor, env: Env, o: Order, p: PrintContext) {
  const t = wordsFor(p);
  const blocks: PdfBlock[] = [];
  const files: DossierFile[] = [];

  const callbacks = await repo.orderCallbacks(db, actor.companyId, o.id);
  if (callbacks.length)
    blocks.push(
      { kind: 'heading', text: t('回访', 'Call-backs') },
      {
        kind: 'table',
        columns: [t('状态', 'Status'), t('结果', 'Outcome'), t('备注', 'Notes'), t('回访时间', 'Done at')],
        rows: callbacks.map((c) => [
          labelFor(p, callbackLabels.states[c.status], c.status),
          c.outcome ? labelFor(p, OUTCOME[c.outcome], c.outcome) : '',
          c.notes ?? '',
          printTime(p, c.done_at),
        ]),
      },
    );

  const complaints = await listComplaints(db, actor, env, { orderId: o.id });
  if (complaints.length)
    blocks.push(
      { kind: 'heading', text: t('客户投诉', 'Complaints') },
      {
        kind: 'table',
        columns: [
          t('类型', 'Type'),
          t('描述', 'Description'),
          t('状态', 'Status'),
          t('处理方式', 'Resolution'),
          t('处理结果', 'Result'),
          t('满意度', 'Satisfaction'),
        ],
        rows: complaints.map((c) => [
          labelFor(p, complaintTypeLabels[c.type], c.type),
          c.description,
          labelFor(p, complaintLabels.states[c.status], c.status),
          c.resolution ? `${labelFor(p, resolutionLabels[c.resolution], c.resolution)} ${yuan(c.amount)}`.trim() : '',
          c.closeResult ?? '',
          c.satisfaction == null ? '' : String(c.satisfaction),
        ]),
      },
    );

  const returns = (await listReturns(db, actor, { orderId: o.id, page: 1, pageSize: 500 })).items;
  for (const r of returns) {
    blocks.push(...formBlocks(await returnForm(db, actor, r.id, p)));
    blocks.push({
      kind: 'fields',
      pairs: [
        [t('退货单号', 'Return No.'), r.number],
        [t('状态', 'Status'), labelFor(p, returnLabels.states[r.status], r.status)],
      ],
    });
    for (const f of await listAttachments(db, actor, RETURN_OWNER, r.id)) {
      files.push({ id: f.id, section: `return-${r.number}`, filename: f.filename, contentType: f.contentType });
      blocks.push(...(await fileBlocks(db, actor, f.id, `${t('退货照片', 'Return photo')} ${r.number}`)));
    }
  }

  // 收款与发票.
  const receivables = await repo.orderReceivables(db, actor.companyId, o.id);
  const receipts = await repo.orderReceipts(db, actor.companyId, o.id);
  const invoices = (await allInvoices(db, actor, { customerId: o.customer.id })).filter((i) => i.orderId === o.id);
  blocks.push({ kind: 'heading', text: t('应收、收款与发票', 'Receivables, receipts and invoices') });
  if (receivables.length)
    blocks.push({
      kind: 'table',
      columns: [t('应收类型', 'Receivable'), t('金额', 'Amount'), t('到期日', 'Due'), t('时间', 'Time')],
      rows: receivables.map((r) => [
        labelFor(p, RECEIVABLE_KIND[r.kind], r.kind),
        yuan(r.amount),
        r.due_date,
        printTime(p, r.created_at),
      ]),
      align: ['left', 'right', 'left', 'left'],
    });
  blocks.push({
    kind: 'table',
    columns: [
      t('收款日期', 'Received on'),
      t('收款方式', 'Method'),
      t('参考号', 'Reference'),
      t('核销金额', 'Applied'),
    ],
    rows: receipts.length
      ? receipts.map((r) => [
          r.received_on,
          labelFor(p, METHOD_LABELS[r.method], r.method),
          r.reference,
          yuan(r.amount),
        ])
      : [[t('无收款', 'No receipt'), '', '', '']],
    align: ['left', 'left', 'left', 'right'],
  });
  if (invoices.length)
    blocks.push({
      kind: 'table',
      columns: [t('发票号', 'Invoice No.'), t('类型', 'Type'), t('开票日期', 'Issued on'), t('金额', 'Amount')],
      rows: invoices.map((i) => [i.number, labelFor(p, invoiceTypeLabels[i.type], i.type), i.issuedOn, yuan(i.amount)]),
      align: ['left', 'left', 'left', 'right'],
    });

  // 完整历史: the order's and its returns'.
  const history = [
    ...(await orderHistory(db, actor, o.id)).map((h) => ({ ...h, what: o.number })),
    ...(await listReturnHistory(db, actor, { orderId: o.id })).map((h) => ({ ...h, what: h.returnNumber })),
  ].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  const eventName = (e: string, isOrder: boolean) =>
    labelFor(
      p,
      isOrder
        ? ((orderLabels.events as Record<string, Label>)[e] ?? OTHER_EVENTS[e])
        : (returnLabels.events as Record<string, Label>)[e],
      e,
    );
  const stateName = (s: string | null, isOrder: boolean) =>
    s ? labelFor(p, (isOrder ? orderLabels.states : returnLabels.states)[s as never], s) : '';
  blocks.push(
    { kind: 'heading', text: t('完整历史', 'Complete history') },
    {
      kind: 'table',
      columns: [
        t('时间', 'Time'),
        t('单据', 'Record'),
        t('操作', 'Action'),
        t('状态', 'State'),
        t('操作人', 'By'),
        t('说明', 'Reason'),
      ],
      rows: history.map((h) => {
        const isOrder = h.what === o.number;
        return [
          printTime(p, h.at),
          h.what,
          eventName(h.event, isOrder),
          `${stateName(h.from, isOrder)} → ${stateName(h.to, isOrder)}`,
          h.actorName ?? t('系统', 'System'),
          renderReason(h.reason, p.lang),
        ];
      }),
    },
  );

  return { blocks, files };
}
