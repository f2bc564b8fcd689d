import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import type { Label } from '../../lib/errors';
import { formatYuan, parseMoney } from '../../lib/money';
import type { PdfBlock, PdfDoc } from '../../lib/pdf';
import { labelFor, printTime, wordsFor, type PrintContext } from '../../lib/printable';
import type { Actor } from '../auth/auth.service';
import { listAttachments } from '../attachments/attachment.service';
import { changeConfirmationForm } from '../changes/change-forms';
import { changeLabels } from '../changes/change.labels';
import { listChangeRequests } from '../changes/change.service';
import { listOrderVersions } from '../changes/order-versions';
import { confirmationForm, registrationForm, reviewForm } from '../orders/order-forms';
import { getOrder } from '../orders/order.service';
import { deliveryNoteForm, outboundOrderForm } from '../shipping/shipment-forms';
import { getShipment, listShipments } from '../shipping/shipment-queries';
import { shipmentLabels } from '../shipping/shipment.labels';
import { afterDeliverySections } from './dossier-after';
import { fileBlocks, formBlocks, type DossierFile } from './dossier-blocks';

// 订单档案: everything about one order in one document, section by section in the reader's language: the forms
// the order went through (registration, review, confirmation, changes, outbound orders, delivery notes, returns),
// tracking, proof of delivery, call-backs, complaints, money and the complete history.

export type Dossier = { number: string; doc: PdfDoc; files: DossierFile[] };

const CONFIRM_METHOD: Record<string, Label> = {
  signature: { zh: '签字', en: 'Signature' },
  stamp: { zh: '盖章', en: 'Company stamp' },
  electronic: { zh: '电子确认', en: 'Electronic' },
};

export async function buildDossier(db: Db, actor: Actor, env: Env, orderId: string, p: PrintContext): Promise<Dossier> {
  const t = wordsFor(p);
  const o = await getOrder(db, actor, orderId, env.now);
  const blocks: PdfBlock[] = [];
  const files: DossierFile[] = [];

  blocks.push(
    {
      kind: 'fields',
      pairs: [
        [t('订单编号', 'Order No.'), o.number],
        [t('客户', 'Customer'), o.customer.name],
        [t('订单金额', 'Order total'), formatYuan(parseMoney(o.total))],
        [t('订单日期', 'Order date'), o.orderDate],
      ],
    },
    ...formBlocks(await registrationForm(db, actor, orderId, p)),
    ...formBlocks(await reviewForm(db, actor, orderId, p)),
    ...formBlocks(await confirmationForm(db, actor, orderId, p)),
  );

  // 客户确认 and the customer's signed scan.
  const orderFiles = await listAttachments(db, actor, 'order', orderId);
  blocks.push(
    { kind: 'heading', text: t('客户确认记录', 'Customer confirmation record') },
    {
      kind: 'fields',
      pairs: [
        [t('确认方式', 'Method'), o.confirmation ? labelFor(p, CONFIRM_METHOD[o.confirmation.method], '') : '—'],
        [t('确认时间', 'Confirmed at'), printTime(p, o.confirmedAt)],
      ],
    },
  );
  for (const f of orderFiles) {
    files.push({ id: f.id, section: 'order', filename: f.filename, contentType: f.contentType });
    if (f.kind === 'confirmation' || f.kind === 'written_confirmation')
      blocks.push(...(await fileBlocks(db, actor, f.id, t('客户签字确认扫描件', 'Signed confirmation scan'))));
  }

  // 变更: every change request, the confirmation of each one applied, and the versions kept.
  const changes = (await listChangeRequests(db, actor, env, { order: orderId })).items;
  if (changes.length) {
    blocks.push(
      { kind: 'heading', text: t('订单变更', 'Order changes') },
      {
        kind: 'table',
        columns: [t('变更单号', 'Change No.'), t('状态', 'Status'), t('变更原因', 'Reason'), t('提出时间', 'Created')],
        rows: changes.map((c) => [
          c.number,
          labelFor(p, changeLabels.states[c.status], c.status),
          c.reason,
          printTime(p, c.createdAt),
        ]),
      },
    );
    for (const c of changes.filter((x) => x.appliedVersion !== null))
      blocks.push(...formBlocks(await changeConfirmationForm(db, actor, env, c.id, p)));
    const versions = await listOrderVersions(db, actor, orderId);
    blocks.push(
      { kind: 'heading', text: t('订单版本', 'Order versions') },
      {
        kind: 'table',
        columns: [t('版本', 'Version'), t('金额', 'Total'), t('变更单号', 'Change No.'), t('时间', 'Time')],
        rows: versions.items.map((v) => [
          `V${v.version}${v.current ? t('（当前）', ' (current)') : ''}`,
          v.total ? formatYuan(parseMoney(v.total)) : '',
          v.changeNumber ?? '',
          printTime(p, v.createdAt),
        ]),
      },
    );
  }

  // 发货: each shipment's outbound order and delivery note, its tracking and the proof of delivery.
  for (const s of await listShipments(db, actor, env, { orderId })) {
    const full = await getShipment(db, actor, env, s.id);
    blocks.push(...formBlocks(outboundOrderForm(full, p)), ...formBlocks(deliveryNoteForm(full, p)));
    blocks.push({
      kind: 'fields',
      pairs: [
        [t('出库单号', 'Shipment No.'), full.number],
        [t('状态', 'Status'), labelFor(p, shipmentLabels.states[full.status], full.status)],
        [t('承运商', 'Carrier'), full.carrier ?? ''],
        [t('运单号', 'Tracking No.'), full.trackingNo ?? ''],
        [t('发货时间', 'Shipped at'), printTime(p, full.shippedAt)],
        [t('签收时间', 'Delivered at'), printTime(p, full.deliveredAt)],
        [t('签收人', 'Signed by'), full.signedBy ?? ''],
      ],
    });
    if (full.events.length)
      blocks.push({
        kind: 'table',
        columns: [t('物流时间', 'Tracking time'), t('地点', 'Location'), t('物流信息', 'Event')],
        rows: full.events.map((e) => [printTime(p, e.at), e.location ?? '', e.description ?? '']),
      });
    for (const f of await listAttachments(db, actor, 'shipment', s.id)) {
      files.push({ id: f.id, section: `shipment-${full.number}`, filename: f.filename, contentType: f.contentType });
      blocks.push(...(await fileBlocks(db, actor, f.id, `${t('签收凭证', 'Proof of delivery')} ${full.number}`)));
    }
  }

  const after = await afterDeliverySections(db, actor, env, o, p);
  blocks.push(...after.blocks);
  files.push(...after.files);
  blocks.push(
    { kind: 'heading', text: t('原始附件', 'Original uploads') },
    {
      kind: 'table',
      columns: [t('文件名', 'File name'), t('所属', 'Belongs to'), t('类型', 'Type')],
      rows: files.length ? files.map((f) => [f.filename, f.section, f.contentType]) : [[t('无', 'None'), '', '']],
    },
  );

  return { number: o.number, files, doc: { title: `${t('订单档案', 'Order dossier')} ${o.number}`, print: p, blocks } };
}
