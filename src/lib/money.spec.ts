import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divRoundHalfUp, formatMoney, formatYuan, parseMoney, percentOf, toChineseCapital } from './money';

describe('money', () => {
  it('parses and formats exactly, without binary floats', () => {
    expect(parseMoney('0.1') + parseMoney('0.2')).toBe(parseMoney('0.30'));
    expect(formatMoney(parseMoney('1234.5'))).toBe('1234.50');
    expect(formatMoney(-5n)).toBe('-0.05');
    expect(formatYuan(123450n)).toBe('¥1,234.50');
    expect(formatYuan(123456789012n)).toBe('¥1,234,567,890.12');
  });

  it('refuses malformed amounts, naming the field', () => {
    for (const bad of ['1.234', 'abc', '1,000', '', '1e5', '.5']) {
      expect(() => parseMoney(bad, 'creditLimit')).toThrowError(/VALIDATION.FAILED/);
    }
  });

  it('rounds half up to the fen', () => {
    expect(divRoundHalfUp(5n, 10n)).toBe(1n);
    expect(divRoundHalfUp(4n, 10n)).toBe(0n);
    expect(divRoundHalfUp(-5n, 10n)).toBe(-1n);
    expect(percentOf(parseMoney('100.05'), '30')).toBe(3002n); // 30.015 → 30.02
    expect(percentOf(parseMoney('0.01'), '50')).toBe(1n); // 0.005 → 0.01
    expect(percentOf(parseMoney('10.00'), '12.5')).toBe(125n);
  });

  it('round-trips every amount through its string form', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), (fen) => parseMoney(formatMoney(fen)) === fen),
    );
  });

  it('writes amounts in Chinese capital numerals (大写)', () => {
    expect(toChineseCapital(parseMoney('1234.50'))).toBe('壹仟贰佰叁拾肆元伍角整');
    expect(toChineseCapital(parseMoney('1234.00'))).toBe('壹仟贰佰叁拾肆元整');
    expect(toChineseCapital(parseMoney('1004.05'))).toBe('壹仟零肆元零伍分');
    expect(toChineseCapital(parseMoney('0.05'))).toBe('伍分');
    expect(toChineseCapital(parseMoney('0.50'))).toBe('伍角整');
    expect(toChineseCapital(0n)).toBe('零元整');
    expect(toChineseCapital(parseMoney('10.00'))).toBe('壹拾元整');
    expect(toChineseCapital(parseMoney('100000.00'))).toBe('壹拾万元整');
    expect(toChineseCapital(parseMoney('100010.00'))).toBe('壹拾万零壹拾元整');
    expect(toChineseCapital(parseMoney('1000000001.00'))).toBe('壹拾亿零壹元整');
    expect(toChineseCapital(parseMoney('60036.78'))).toBe('陆万零叁拾陆元柒角捌分');
    expect(toChineseCapital(parseMoney('500000.00'))).toBe('伍拾万元整');
    expect(toChineseCapital(parseMoney('-12.30'))).toBe('负壹拾贰元叁角整');
  });
});
