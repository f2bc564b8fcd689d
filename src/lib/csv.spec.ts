import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsvText, parseCsv, toCsv } from './csv';

const records = (text: string) => parseCsv(text);

describe('csv', () => {
  it('reads quoted commas, doubled quotes, line breaks, CRLF, LF and a last line without an end', () => {
    expect(records('a,"b,1","say ""hi"""\r\n"two\nlines",,x\ny')).toEqual([
      ['a', 'b,1', 'say "hi"'],
      ['two\nlines', '', 'x'],
      ['y'],
    ]);
    expect(records('a\r\n\r\nb\r\n')).toEqual([['a'], [''], ['b']]);
  });

  it('stops at the records asked for', () => {
    expect(parseCsv('1\n2\n3\n', 2)).toEqual([['1'], ['2']]);
  });

  it('reads back what it writes, whatever the text', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r', ' ', 'x') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        expect(records(toCsv(rows))).toEqual(rows);
      }),
    );
  });

  it('decodes UTF-8 (its BOM dropped) and GBK, and refuses binary', () => {
    expect(decodeCsvText(Buffer.from('\ufeff外部单号,a'))).toBe('外部单号,a');
    expect(decodeCsvText(Buffer.from('cde2b2bfb5a5bac52c61', 'hex'))).toBe('外部单号,a');
    expect(decodeCsvText(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toBeUndefined();
  });
});
