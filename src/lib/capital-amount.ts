// The amount in Chinese capital numerals (大写), as printed forms and the order form write it. No imports, so
// the web app uses this very function and the two can never word an amount differently.

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL = ['', '拾', '佰', '仟'];
const BIG = ['', '万', '亿', '万亿'];

/** The amount in Chinese capital numerals for printed forms: 1234.50 → 壹仟贰佰叁拾肆元伍角整. */
export function toChineseCapital(fen: bigint): string {
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
