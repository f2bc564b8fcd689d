import type { Label, Lang } from './errors';
import { toXlsx, type SheetColumn } from './excel';

// A list's export speaks the request's language: its sheet name, headers and the names of states and types.
export type LocalColumn = { key: string; header: Label; width?: number };

export const pick = (label: Label, lang: Lang) => (lang === 'en' ? label.en : label.zh);

/** An enum value by its name in the language, or the code itself when it has no name. */
export const nameOf = <K extends string>(labels: Record<K, Label>, code: K, lang: Lang) =>
  labels[code] ? pick(labels[code], lang) : code;

/**
 * The columns with their headers in the language. An import reads a column under any of its headers: Chinese,
 * English, or the older "中文 English" header, so a file exported in either language (or long ago) comes back in.
 */
export const localColumns = (columns: LocalColumn[], lang: Lang): SheetColumn[] =>
  columns.map((c) => ({
    key: c.key,
    header: pick(c.header, lang),
    width: c.width,
    aliases: [c.header.zh, c.header.en, `${c.header.zh} ${c.header.en}`],
  }));

export function localXlsx(name: Label, columns: LocalColumn[], rows: Record<string, unknown>[], lang: Lang) {
  return toXlsx([{ name: pick(name, lang), columns: localColumns(columns, lang), rows }]);
}

/**
 * The code a cell names: its name in either language or the code itself (files exported long ago carry codes).
 * Anything else comes back as it was, for the import's validation to name.
 */
export function codeOf<K extends string>(labels: Record<K, Label>, value: string): K | string {
  const v = value.trim();
  const folded = v.toLowerCase();
  for (const [code, label] of Object.entries(labels) as [K, Label][])
    if (code === v || label.zh === v || label.en.toLowerCase() === folded) return code;
  return v;
}
