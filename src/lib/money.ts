import { AppError } from './errors';

// Money is integer fen (bigint): exact, never a binary float. Strings at the edges
// ("1234.50", numeric(18,2) in SQL), half-up rounding to the fen where a rate applies.
export type Fen = bigint;

const MONEY_RE = /^(-)?(\d{1,16})(?:\.(\d{1,2}))?$/;

export function isMoneyString(s: string): boolean {
  return MONEY_RE.test(s);
}

export function parseMoney(s: string, path = 'amount'): Fen {
  const m = MONEY_RE.exec(s.trim());
  if (!m)
    throw new AppError('VALIDATION.FAILED', { summary: path }, [
      { path, message: `not an amount with at most 2 decimals: "${s}"` },
    ]);
  const fen = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/** "1234.50" (the form stored in numeric and sent over the API). */
export function formatMoney(fen: Fen): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  return `${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** "¥1,234.50" for people. */
export function formatYuan(fen: Fen): string {
  const [int, dec] = formatMoney(fen < 0n ? -fen : fen).split('.');
  return `${fen < 0n ? '-' : ''}¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

/** Divides and rounds half away from zero (half-up on the magnitude). */
export function divRoundHalfUp(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new Error('divisor must be positive');
  const neg = n < 0n;
  const abs = neg ? -n : n;
  const q = (abs * 2n + d) / (2n * d);
  return neg ? -q : q;
}

/** amount × percent / 100, half-up to the fen; percent may carry up to 4 decimals ("12.5"). */
export function percentOf(fen: Fen, percent: string): Fen {
  const m = /^(\d+)(?:\.(\d{1,4}))?$/.exec(percent);
  if (!m) throw new Error(`bad percent ${percent}`);
  const scaled = BigInt(m[1]) * 10000n + BigInt((m[2] ?? '').padEnd(4, '0'));
  return divRoundHalfUp(fen * scaled, 1_000_000n);
}

export const lineAmount = (unitPrice: Fen, qty: number): Fen => unitPrice * BigInt(qty);

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL = ['', '拾', '佰', '仟'];
const BIG = ['', '万', '亿', '万亿'];

/** The amount in Chinese capital numerals for printed forms: 1234.50 → 壹仟贰佰叁拾肆元伍角整. */
export function toChineseCapital(fen: Fen): string {
  if (fen < 0n) return `负${toChineseCapital(-fen)}`;
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
