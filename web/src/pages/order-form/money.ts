// Exact money on the form: amounts are integer fen (bigint), parsed from and printed as "1234.50" strings,
// never binary floats. The capital-numeral wording follows src/lib/money.ts (the printed forms use it).

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

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL = ['', '拾', '佰', '仟'];
const BIG = ['', '万', '亿', '万亿'];

/** The amount in Chinese capital numerals (大写): 123450n → 壹仟贰佰叁拾肆元伍角整. */
export function chineseCapital(fen: bigint): string {
  if (fen < 0n) return `负${chineseCapital(-fen)}`;
  const yuan = fen / 100n;
  const jiao = Number((fen / 10n) % 10n);
  const cents = Number(fen % 10n);
  let out = yuan > 0n ? `${integerCapital(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return out ? `${out}整` : '零元整';
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (out) out += '零';
  if (cents > 0) out += `${DIGITS[cents]}分`;
  else out += '整';
  return out;
}

function integerCapital(n: bigint): string {
  const groups: number[] = [];
  for (let v = n; v > 0n; v /= 10000n) groups.push(Number(v % 10000n));
  let out = '';
  let zeroPending = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const value = groups[g];
    if (value === 0) {
      zeroPending = out !== '';
      continue;
    }
    if (out && (zeroPending || value < 1000)) out += '零';
    out += groupCapital(value) + BIG[g];
    zeroPending = false;
  }
  return out;
}

function groupCapital(value: number): string {
  let out = '';
  let zero = false;
  for (let p = 3; p >= 0; p--) {
    const d = Math.floor(value / 10 ** p) % 10;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    out += DIGITS[d] + SMALL[p];
    zero = false;
  }
  return out;
}
