import { errorCodes, type ErrorCode } from './error-codes';

export type FieldError = { path: string; message: string };
export type Lang = 'zh-CN' | 'en';
/** A name in both languages (a state, an event): rendered in the language of the request. */
export type Label = { zh: string; en: string };
export type Param = string | number | Label;

/** The one application error: a stable code, parameters for its message, and field errors. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, Param> = {},
    readonly fields: FieldError[] = [],
    readonly details?: unknown,
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.status = errorCodes[code].status;
  }
}

export function translate(code: ErrorCode, params: Record<string, Param>, lang: Lang): string {
  const template = lang === 'en' ? errorCodes[code].en : errorCodes[code].zh;
  return template.replace(/\{(\w+)\}/g, (_, k) => {
    const v = params[k] ?? '';
    return typeof v === 'object' ? (lang === 'en' ? v.en : v.zh) : String(v);
  });
}

/** zh-CN unless the client prefers English. */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0].trim().toLowerCase();
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export function errorBody(err: AppError, lang: Lang, requestId?: string) {
  return {
    error: {
      code: err.code,
      message: translate(err.code, { ...err.params, requestId: requestId ?? '' }, lang),
      ...(err.fields.length ? { fields: err.fields } : {}),
      ...(err.details !== undefined ? { details: err.details } : {}),
      ...(requestId ? { requestId } : {}),
    },
  };
}

export const notFound = (code: ErrorCode) => new AppError(code);
