// Exact money on the form: amounts are integer fen (bigint), parsed from and printed as "1234.50" strings,
// never binary floats. The capital numerals come from the same function the printed forms use.

const MONEY_RE = /^(\d{1,16})(?:\.(\d{1,2}))?$/;

/** "1234.5" → 123450n; null when it is not a non-negative amount with at most 2 decimals. */
export function parseFen(s: string | undefined | null): bigint | null {
  const m = MONEY_RE.exec((s ?? '').trim());
  if (!m) return null;
  return BigInt(m[1]) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
}

/** 123450n → "1234.50". */
export function formatFen(fen: bigint): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  return `${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** The amount in Chinese capital numerals (大写): 123450n → 壹仟贰佰叁拾肆元伍角整. */
export { toChineseCapital as chineseCapital } from '../../../../src/lib/capital-amount';
