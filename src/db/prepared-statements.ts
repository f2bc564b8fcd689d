import { createHash } from 'node:crypto';
import { PREPARED_MARK } from '../lib/sql';

/**
 * A few hot statements carry a `/* prepared:<name> *\/` marker (see `prepared` in lib/sql.ts): each connection
 * parses and plans them once and then only binds and executes. The statement is named after the marker and a hash
 * of its text, so a marked builder whose text varies a little (the columns a state move sets) gets one statement
 * per variant instead of a clash; the set stays bounded because the texts come from the code, never from input.
 * Every other statement runs unnamed.
 */
const statementNames = new Map<string, string>();
export function statementName(text: string): string | undefined {
  // Most statements carry no marker: a substring test is cheaper than hashing their whole text into the map.
  if (!text.includes('/* prepared:')) return undefined;
  let name = statementNames.get(text);
  if (name === undefined) {
    const mark = PREPARED_MARK.exec(text)?.[1];
    if (!mark) return undefined;
    name = `${mark}.${createHash('sha1').update(text).digest('base64url').slice(0, 10)}`;
    statementNames.set(text, name);
  }
  return name;
}
