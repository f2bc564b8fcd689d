// The typed client of the Luyue API: cookie session, CSRF header on writes, errors as ApiError.
import type { OperationKey, Operations } from './generated';
export type FieldError = { path: string; message: string };
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

let csrfToken: string | undefined;
let language = 'zh-CN';
export const setCsrfToken = (t: string | undefined) => (csrfToken = t);
export const setApiLanguage = (l: string) => (language = l);
/** The user's language, for a download link (`?lang=`): headers and names of an export or a template. */
export const apiLanguage = (): 'zh-CN' | 'en' => (language === 'en' ? 'en' : 'zh-CN');

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': language };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  const text = await res.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const e = json?.error ?? {};
    throw new ApiError(res.status, e.code ?? 'HTTP', e.message ?? res.statusText, e.fields ?? [], e.details);
  }
  return json as T;
}

export const api = {
  get: <T>(url: string, query?: Record<string, unknown>) => request<T>('GET', withQuery(url, query)),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {}),
  patch: <T>(url: string, body: unknown) => request<T>('PATCH', url, body),
  put: <T>(url: string, body: unknown) => request<T>('PUT', url, body),
  delete: <T>(url: string) => request<T>('DELETE', url),
};

export function withQuery(url: string, query?: Record<string, unknown>): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  // An address that already has a query ("…?lang=en") gets the rest after '&'.
  return s ? `${url}${url.includes('?') ? '&' : '?'}${s}` : url;
}

// The typed side: `call('GET /api/customers/{id}', { params: { id } })`, checked against the route schemas that
// scripts/gen-api.ts writes into generated.ts. Domain modules (customers.ts, products.ts, …) wrap these calls.
type Op<K extends OperationKey> = Operations[K];
type NoParams = Record<string, never>;
/** What a call sends: path params when the path has any, the query, and the body (required when the route's is). */
export type RequestOf<K extends OperationKey> = (Op<K>['params'] extends NoParams
  ? { params?: NoParams }
  : { params: Op<K>['params'] }) & { query?: Op<K>['query'] } & (undefined extends Op<K>['body']
    ? { body?: Op<K>['body'] }
    : { body: Op<K>['body'] });
type Optional<K extends OperationKey> = Op<K>['params'] extends NoParams
  ? undefined extends Op<K>['body']
    ? true
    : false
  : false;
/**
 * The response: the route's declared schema, or (most routes declare none) `any`, which the domain module's
 * function narrows by its declared return type (the hand-written shapes).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ResponseOf<K extends OperationKey> = unknown extends Op<K>['response'] ? any : Op<K>['response'];

/** The URL of an operation with its path params filled in (and its query), for links, downloads and tables. */
export function urlOf<K extends OperationKey>(
  key: K,
  ...[req]: Optional<K> extends true
    ? [req?: Pick<RequestOf<K>, 'params' | 'query'>]
    : [req: Pick<RequestOf<K>, 'params' | 'query'>]
): string {
  const template = key.slice(key.indexOf(' ') + 1);
  const params = (req?.params ?? {}) as Record<string, unknown>;
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (params[name] === undefined) throw new Error(`${key}: path param ${name} missing`);
    return encodeURIComponent(String(params[name]));
  });
  return withQuery(path, req?.query as Record<string, unknown> | undefined);
}

/** Calls an operation by its `METHOD /path` key. A write without a body sends `{}`, as `api.post` does. */
export function call<K extends OperationKey>(
  key: K,
  ...[req]: Optional<K> extends true ? [req?: RequestOf<K>] : [req: RequestOf<K>]
): Promise<ResponseOf<K>> {
  const method = key.slice(0, key.indexOf(' '));
  const url = urlOf(key, req as never);
  const body = (req as { body?: unknown } | undefined)?.body;
  return request<ResponseOf<K>>(method, url, method === 'GET' ? undefined : (body ?? {}));
}
/** The body an operation takes, as its route schema says. */
export type BodyOf<K extends OperationKey> = Operations[K]['body'];
/** The query an operation takes, as its route schema says. */
export type QueryOf<K extends OperationKey> = Operations[K]['query'];
