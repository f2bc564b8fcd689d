import type { FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors';

/** The one file of a multipart request, with its form fields. */
export async function readUpload(
  req: FastifyRequest,
): Promise<{ filename: string; mimetype: string; data: Buffer; fields: Record<string, string> }> {
  if (!req.isMultipart())
    throw new AppError('VALIDATION.FAILED', { summary: 'file' }, [
      { path: 'file', message: 'send the file as multipart/form-data' },
    ]);
  const file = await req.file();
  if (!file) throw new AppError('VALIDATION.FAILED', { summary: 'file' }, [{ path: 'file', message: 'required' }]);
  const data = await file.toBuffer();
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(file.fields)) {
    const f = v as { type?: string; value?: unknown };
    if (f && f.type === 'field') fields[k] = String(f.value);
  }
  return { filename: file.filename, mimetype: file.mimetype, data, fields };
}

export function sendXlsx(reply: import('fastify').FastifyReply, filename: string, data: Buffer) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(data);
}
