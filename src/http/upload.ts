import type { FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors';

const malformed = (detail: string) => new AppError('REQUEST.MALFORMED', { detail });

/** The one file of a multipart request, with its form fields. A truncated or broken body is a 400. */
export async function readUpload(
  req: FastifyRequest,
): Promise<{ filename: string; mimetype: string; data: Buffer; fields: Record<string, string> }> {
  if (!req.isMultipart())
    throw new AppError('VALIDATION.FAILED', { summary: 'file' }, [
      { path: 'file', message: 'send the file as multipart/form-data' },
    ]);
  let file: Awaited<ReturnType<FastifyRequest['file']>>;
  let data: Buffer;
  try {
    file = await req.file();
    data = file ? await file.toBuffer() : Buffer.alloc(0);
  } catch (err) {
    throw uploadError(err);
  }
  if (!file) throw new AppError('VALIDATION.FAILED', { summary: 'file' }, [{ path: 'file', message: 'required' }]);
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(file.fields)) {
    const f = v as { type?: string; value?: unknown };
    if (f && f.type === 'field') fields[k] = String(f.value).replaceAll('\u0000', '');
  }
  return { filename: file.filename, mimetype: file.mimetype, data, fields };
}

function uploadError(err: unknown): Error {
  if (err instanceof AppError) return err;
  const e = err as { statusCode?: number; code?: string; message?: string };
  if (e?.statusCode === 413 || e?.code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('REQUEST.TOO_LARGE');
  return malformed(`multipart body: ${String(e?.message ?? 'unreadable').slice(0, 200)}`);
}

export function sendXlsx(reply: import('fastify').FastifyReply, filename: string, data: Buffer) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(data);
}

export function sendPdf(reply: import('fastify').FastifyReply, filename: string, data: Buffer) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(data);
}
