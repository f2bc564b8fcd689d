import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, errorBody, type FieldError, type Lang } from '../lib/errors';

/** zod's own Chinese messages ("数值过小：期望 number >=1"); a rule's own message (a refine) is kept as written. */
const zhMessages = z.locales.zhCN();
const SAMPLE_OF: Record<string, unknown> = { number: 0, string: '', boolean: false, object: {}, array: [], null: null };
function fieldMessage(v: { keyword?: string; params?: object; message?: string }, lang: Lang): string {
  const fallback = v.message ?? 'invalid';
  if (lang !== 'zh-CN' || !v.keyword || v.keyword === 'custom') return fallback;
  // The validator hands over the issue as keyword (its code) and params (expected, minimum, …).
  // It names what it received only in its English text: a value of that type lets the locale name it too.
  const received = /received (\w+)/.exec(fallback)?.[1];
  const input = received && received in SAMPLE_OF ? SAMPLE_OF[received] : undefined;
  const issue = { ...(v.params ?? {}), code: v.keyword, path: [], message: fallback, input };
  const m = zhMessages.localeError(issue as unknown as Parameters<typeof zhMessages.localeError>[0]);
  return (typeof m === 'string' ? m : m?.message) || fallback;
}

/** "/contacts/0/phone" → "contacts[0].phone", prefixed with query./params. outside the body. */
function fieldPath(context: string | undefined, instancePath: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  const path = parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
  const prefix = context && context !== 'body' ? (context === 'querystring' ? 'query' : context) : '';
  return [prefix, path].filter(Boolean).join('.') || prefix || 'body';
}

function validationError(err: FastifyError, lang: Lang): AppError {
  const fields: FieldError[] = (err.validation ?? []).map((v) => {
    const issue = (v.params as { issue?: { path?: (string | number)[]; message?: string } })?.issue;
    const instancePath = issue?.path ? '/' + issue.path.join('/') : v.instancePath;
    const message = fieldMessage(v, lang);
    return { path: fieldPath(err.validationContext, instancePath), message };
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
    else if (err.validation) appError = validationError(err, req.lang ?? 'zh-CN');
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
