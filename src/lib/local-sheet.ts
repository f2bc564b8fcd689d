import type { Label, Lang } from './errors';
import { toXlsx, type SheetColumn } from './excel';

// A list's export speaks the request's language: its sheet name, headers and the names of states and types.
export type LocalColumn = { key: string; header: Label; width?: number };

export const pick = (label: Label, lang: Lang) => (lang === 'en' ? label.en : label.zh);

/** An enum value by its name in the language, or the code itself when it has no name. */
export const nameOf = <K extends string>(labels: Record<K, Label>, code: K, lang: Lang) =>
  labels[code] ? pick(labels[code], lang) : code;

export function localXlsx(name: Label, columns: LocalColumn[], rows: Record<string, unknown>[], lang: Lang) {
  const sheet: SheetColumn[] = columns.map((c) => ({ key: c.key, header: pick(c.header, lang), width: c.width }));
  return toXlsx([{ name: pick(name, lang), columns: sheet, rows }]);
}
