import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, errorBody, type FieldError } from '../lib/errors';

/** "/contacts/0/phone" → "contacts[0].phone", prefixed with query./params. outside the body. */
function fieldPath(context: string | undefined, instancePath: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  const path = parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
  const prefix = context && context !== 'body' ? (context === 'querystring' ? 'query' : context) : '';
  return [prefix, path].filter(Boolean).join('.') || prefix || 'body';
}

function validationError(err: FastifyError): AppError {
  const fields: FieldError[] = (err.validation ?? []).map((v) => {
    const issue = (v.params as { issue?: { path?: (string | number)[]; message?: string } })?.issue;
    const instancePath = issue?.path ? '/' + issue.path.join('/') : v.instancePath;
    return { path: fieldPath(err.validationContext, instancePath), message: v.message ?? 'invalid' };
  });
  return new AppError('VALIDATION.FAILED', { summary: [...new Set(fields.map((f) => f.path))].join(', ') }, fields);
}

/**
 * SQLSTATE class 22 (data exception: numeric overflow 22003, invalid datetime 22008, invalid text 22021 and
 * 22P05, ...) is bad input the schemas let through: a 400, never a 500. The schemas stay the first line.
 */
export function isDataException(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

// One mapping from errors to HTTP. An unexpected error is logged with the request id and
// answered 500 with no internals.
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let appError: AppError;
    if (err instanceof AppError) appError = err;
    else if (err.validation) appError = validationError(err);
    else if (err.statusCode === 413) appError = new AppError('REQUEST.TOO_LARGE');
    else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      appError = new AppError('REQUEST.MALFORMED', { detail: err.message });
      return reply.status(err.statusCode).send(errorBody(appError, req.lang ?? 'zh-CN', req.id));
    } else if (isDataException(err)) {
      req.log.warn({ err, requestId: req.id }, 'database refused a value the schema let through');
      appError = new AppError('REQUEST.VALUE_REJECTED');
    } else {
      req.log.error({ err, requestId: req.id }, 'unexpected error');
      appError = new AppError('INTERNAL');
    }
    // A 429 says when to come back.
    if (appError.status === 429 && typeof appError.params.seconds === 'number')
      reply.header('retry-after', String(appError.params.seconds));
    return reply.status(appError.status).send(errorBody(appError, req.lang ?? 'zh-CN', req.id));
  });
  app.setNotFoundHandler((req, reply) => {
    if (!req.url.startsWith('/api/')) return reply.status(404).send('Not found');
    return reply.status(404).send(errorBody(new AppError('ROUTE.NOT_FOUND'), req.lang ?? 'zh-CN', req.id));
  });
}
