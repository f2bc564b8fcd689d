// The typed client of the Luyue API: cookie session, CSRF header on writes, errors as ApiError.
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
};

export function withQuery(url: string, query?: Record<string, unknown>): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  // An address that already has a query ("…?lang=en") gets the rest after '&'.
  return s ? `${url}${url.includes('?') ? '&' : '?'}${s}` : url;
}
