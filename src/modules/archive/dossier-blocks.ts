import type { Db } from '../../db/database';
import type { PdfBlock } from '../../lib/pdf';
import type { Form } from '../../lib/printable';
import type { Actor } from '../auth/auth.service';
import { getAttachment } from '../attachments/attachment.service';

/** An original upload kept with the dossier: where it belongs (order, shipment, return) and its name. */
export type DossierFile = { id: string; section: string; filename: string; contentType: string };

const isImage = (type: string) => /^image\/(png|jpe?g)$/i.test(type);

/** A printable form as a dossier section: its title as the heading, then its head, lines and foot. */
export function formBlocks(f: Form): PdfBlock[] {
  const blocks: PdfBlock[] = [{ kind: 'heading', text: f.title }];
  if (f.head.length) blocks.push({ kind: 'fields', pairs: f.head });
  if (f.table.rows.length) blocks.push({ kind: 'table', columns: f.table.columns, rows: f.table.rows });
  if (f.foot.length) blocks.push({ kind: 'fields', pairs: f.foot });
  return blocks;
}

/** An uploaded file as blocks: the picture itself when it is one, otherwise its name in the file list. */
export async function fileBlocks(db: Db, actor: Actor, id: string, caption: string): Promise<PdfBlock[]> {
  const a = await getAttachment(db, actor, id);
  return isImage(a.contentType) ? [{ kind: 'image', data: a.data, caption: `${caption}: ${a.filename}` }] : [];
}
