import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { storableText } from '../../lib/schema';
import type { Actor } from '../auth/auth.service';
import * as repo from './attachment.repository';

const MAX_BYTES = 10 * 1024 * 1024;
type Meta = Awaited<ReturnType<typeof repo.listAttachments>>[number];

const toAttachment = (r: Meta) => ({
  id: r.id,
  ownerType: r.owner_type,
  ownerId: r.owner_id,
  kind: r.kind,
  filename: r.filename,
  contentType: r.content_type,
  size: r.size,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

/** Text a column can hold and a header can carry: no NUL, no lone surrogate, at most max characters. */
const storable = (s: string, max: number) => storableText(s.slice(0, max)).trim();

/** Files are kept in the database so every app instance serves them, and are never overwritten. */
export async function addAttachment(
  db: Db,
  actor: Actor,
  a: { ownerType: string; ownerId: string; kind: string; filename: string; contentType: string; data: Buffer },
) {
  if (a.data.length === 0 || a.data.length > MAX_BYTES)
    throw new AppError('VALIDATION.FAILED', { summary: 'file' }, [
      { path: 'file', message: 'must be 1 byte to 10 MB' },
    ]);
  const row = await repo.insertAttachment(db, {
    company_id: actor.companyId,
    owner_type: a.ownerType,
    owner_id: a.ownerId,
    kind: storable(a.kind, 50) || 'document',
    filename: storable(a.filename, 200) || 'file',
    content_type: storable(a.contentType, 100),
    size: a.data.length,
    data: a.data,
    created_by: actor.userId,
  });
  return toAttachment(row);
}

export async function listAttachments(db: Db, actor: Actor, ownerType: string, ownerId: string) {
  return (await repo.listAttachments(db, actor.companyId, ownerType, ownerId)).map(toAttachment);
}

// Types a browser could render as a page or run as script are served as plain bytes.
const ACTIVE_TYPE = /html|svg|^text\/xml$|^application\/xml$|xsl|javascript|ecmascript|^multipart\//i;
const SAFE_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/i;

/** The content type a download is sent with: the stored one when it is well formed and inert. */
export function downloadType(stored: string): string {
  const base = stored.split(';')[0].trim();
  return SAFE_TYPE.test(base) && !ACTIVE_TYPE.test(base) ? base : 'application/octet-stream';
}

const INLINE_IMAGE = /^image\/(png|jpeg|gif|webp|bmp)$/i;

/**
 * The policy a file is previewed under, or nothing when it is only ever downloaded. Images keep the sandbox; a PDF
 * cannot (Chrome's viewer does not open in a sandboxed document) but nothing of it runs in the app's origin either.
 */
export function previewPolicy(type: string): string | undefined {
  if (INLINE_IMAGE.test(type))
    return "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'";
  if (type.toLowerCase() === 'application/pdf') return "default-src 'none'; object-src 'self'; frame-ancestors 'none'";
  return undefined;
}

export async function getAttachment(db: Db, actor: Actor, id: string) {
  const row = await repo.findAttachment(db, actor.companyId, id);
  if (!row) throw new AppError('ATTACHMENT.NOT_FOUND');
  return { ...toAttachment(row), data: row.data };
}
