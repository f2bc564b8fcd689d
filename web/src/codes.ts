import type { TFunction } from 'i18next';

// A reason the server stored as a code (`@code` or `@code {"param":"value"}`, see src/lib/reason-codes.ts) or sent
// as { reasonCode, reasonParams }, named in the user's language; text a user typed is shown as typed.
type Coded = { reason?: string | null; reasonCode?: string | null; reasonParams?: Record<string, unknown> | null };

const PARAM_GROUPS: Record<string, string> = { impacts: 'codes.changeImpact', invoiceType: 'codes.invoiceType' };

function parse(stored: string | null | undefined) {
  const m = stored ? /^@([a-z_]+)(?: (\{.*\}))?$/s.exec(stored) : null;
  if (!m) return null;
  try {
    return { code: m[1], params: m[2] ? (JSON.parse(m[2]) as Record<string, unknown>) : {} };
  } catch {
    return null;
  }
}

export function reasonText(t: TFunction, row: Coded | string | null | undefined): string {
  const r = typeof row === 'string' || !row ? { reason: row ?? '' } : row;
  const coded = r.reasonCode ? { code: r.reasonCode, params: r.reasonParams ?? {} } : parse(r.reason);
  if (!coded || !t(`codes.reason.${coded.code}`, { defaultValue: '' })) return r.reason ?? '';
  const named = (k: string, v: unknown) => {
    const group = PARAM_GROUPS[k];
    const one = (x: unknown) => (group ? t(`${group}.${String(x)}`, { defaultValue: String(x) }) : String(x));
    return Array.isArray(v) ? v.map(one).join(t('codes.listSeparator')) : one(v);
  };
  const params = Object.fromEntries(Object.entries(coded.params).map(([k, v]) => [k, named(k, v)]));
  return t(`codes.reason.${coded.code}`, params);
}
