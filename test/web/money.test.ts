import { describe, expect, it } from 'vitest';
import { currencySign, money, moneyWithRmb, yuan } from '../../web/src/format';

// The web app's one money formatter: an amount in its own currency, the RMB equivalent beside a foreign one.
describe('money on screen', () => {
  it('writes RMB, USD and EUR with their signs and thousands separators, exactly', () => {
    expect(yuan('1234.5')).toBe('¥1,234.50');
    expect(money('1234.50', 'USD')).toBe('US$1,234.50');
    expect(money('-1234567.89', 'EUR')).toBe('-€1,234,567.89');
    expect(money('12345678901234.56', 'CNY')).toBe('¥12,345,678,901,234.56');
    expect(money(null)).toBe('');
  });

  it('puts the RMB equivalent beside a foreign amount only', () => {
    expect(moneyWithRmb('300.00', 'USD', '2130.00')).toBe('US$300.00 (≈ ¥2,130.00)');
    expect(moneyWithRmb('300.00', 'CNY', '300.00')).toBe('¥300.00');
  });

  it('writes a currency it has no sign for by its code', () => {
    expect(money('5.00', 'SGD')).toBe('SGD 5.00');
    expect(currencySign('USD')).toBe('US$');
  });
});
