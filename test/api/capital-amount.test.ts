import { describe, expect, it } from 'vitest';
import { toChineseCapital } from '../../src/lib/money';
import { chineseCapital, formatFen, parseFen } from '../../web/src/pages/order-form/money';
import { lineAmountFen, linesTotalFen } from '../../web/src/pages/order-form/amounts';

// The order form's money (web) says the same as the printed forms' (server): exact fen, the same 大写.

const product = { listPrice: '1234.50', standardCost: '1000.00' } as Parameters<typeof lineAmountFen>[1];

describe("the order form's amounts", () => {
  it('words amounts in Chinese capitals as the printed forms do', () => {
    expect(chineseCapital(246975n)).toBe('贰仟肆佰陆拾玖元柒角伍分');
    expect(chineseCapital(123450n)).toBe('壹仟贰佰叁拾肆元伍角整');
    expect(chineseCapital(0n)).toBe('零元整');
    const cases: [bigint, string][] = [
      [1n, '壹分'],
      [10n, '壹角整'],
      [100005n, '壹仟元零伍分'],
      [1000000001n, '壹仟万元零壹分'],
      [10000000000n, '壹亿元整'],
      [123456789012n, '壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分'],
    ];
    for (const [fen, words] of cases) expect([chineseCapital(fen), toChineseCapital(fen)]).toEqual([words, words]);
  });

  it('adds lines exactly, without binary float rounding', () => {
    expect(parseFen('0.1')! + parseFen('0.2')!).toBe(parseFen('0.3'));
    expect(parseFen('1.234')).toBeNull();
    const lines = [
      { productId: 'a', qty: 2, unitPrice: '1234.50' },
      { productId: 'b', qty: 1, unitPrice: '0.75' },
      { productId: 'c', qty: 5, unitPrice: '9.99', gift: true },
    ];
    expect(formatFen(linesTotalFen(lines, { a: product!, b: product!, c: product! }, 'standard'))).toBe('2469.75');
    expect(lineAmountFen({ productId: 'a', qty: 3 }, product, 'standard')).toBe(370350n);
    expect(lineAmountFen({ productId: 'a', qty: 3 }, product, 'replacement')).toBe(300000n);
    expect(lineAmountFen({ productId: 'a', qty: 3, unitPrice: '5.00' }, product, 'sample')).toBe(0n);
  });
});
