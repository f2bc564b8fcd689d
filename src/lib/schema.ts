import { z } from 'zod';
import { isMoneyString, parseMoney } from './money';

// The primitives every request schema is built from, bounded to what the database columns and the sums over
// them can hold, so bad input is a 400 naming the field and never reaches the database:
// - text: no NUL (PostgreSQL text and jsonb cannot hold it), no lone surrogate (not valid UTF-8), a length;
// - amounts: numeric(18,2) holds < 10^16; one amount is at most AMOUNT_MAX (< 10^10), so even a million of
//   them sum within a balance or a statement; a unit price is at most UNIT_PRICE_MAX (< 10^8), so a line
//   (× QTY_MAX) stays < 10^14, and the lines of one order priced in the request sum to at most AMOUNT_MAX;
// - quantities: integer columns hold < 2^31; a line is at most QTY_MAX;
// - dates: years 1900–2999 (PostgreSQL has no year 0, and no business date lies outside).

export const AMOUNT_MAX = '9999999999.99';
export const UNIT_PRICE_MAX = '99999999.99';
export const QTY_MAX = 1_000_000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when a string can be stored as text or inside jsonb. */
export const isStorableText = (s: string) => !s.includes('\u0000') && !LONE_SURROGATE.test(s);

/** Replaces what cannot be stored (NUL, lone surrogates) in text that is not the user's own input. */
export const storableText = (s: string) =>
  s.replaceAll('\u0000', '').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');

const storable = (s: z.ZodString) => s.refine(isStorableText, 'must not contain NUL characters or unpaired surrogates');

/** Optional text (may be empty after trimming), at most max characters. */
export const text = (max: number) => storable(z.string().trim().max(max));
/** Text that must say something, at most max characters. */
export const requiredText = (max: number) => storable(z.string().trim().min(1).max(max));

/** A non-negative amount in yuan as a string with at most 2 decimals ("1234.50"), at most max. */
export const amount = (max: string = AMOUNT_MAX) =>
  z
    .string()
    .max(20)
    .refine((s) => isMoneyString(s) && !s.startsWith('-'), {
      message: 'must be a non-negative amount with at most 2 decimals, e.g. "1234.50"',
    })
    .refine((s) => !isMoneyString(s) || parseMoney(s) <= parseMoney(max), { message: `must be at most ${max}` });

/** The one money primitive for request bodies. */
export const moneyString = amount();
/** A price per unit: small enough that a full order of them still fits. */
export const unitPrice = amount(UNIT_PRICE_MAX);

/** A whole quantity of units on a line: 1 to QTY_MAX. */
export const quantity = z.number().int().min(1).max(QTY_MAX);
/** A signed change of a quantity (stock adjustments): not zero, at most QTY_MAX either way. */
export const quantityDelta = z
  .number()
  .int()
  .min(-QTY_MAX)
  .max(QTY_MAX)
  .refine((n) => n !== 0, 'must not be 0');

/** A calendar date "YYYY-MM-DD" in the years 1900–2999. */
export const isoDate = z.iso.date().refine((s) => s >= '1900-01-01' && s <= '2999-12-31', {
  message: 'must be a date between 1900-01-01 and 2999-12-31',
});

/** An instant with its UTC offset ("2026-03-02T10:00:00+08:00") in the years 1900–2999. */
export const isoDateTime = z.iso.datetime({ offset: true }).refine(
  (s) => {
    const year = new Date(s).getUTCFullYear();
    return year >= 1900 && year <= 2999;
  },
  { message: 'must be a time between the years 1900 and 2999' },
);

/** The lines priced in a request (qty × unitPrice) sum to at most AMOUNT_MAX. */
export const linesTotalFits = (lines: { qty?: unknown; unitPrice?: unknown }[]) => {
  let fen = 0n;
  for (const l of lines)
    if (typeof l.unitPrice === 'string' && isMoneyString(l.unitPrice) && Number.isInteger(l.qty))
      fen += BigInt(l.qty as number) * parseMoney(l.unitPrice);
  return fen <= parseMoney(AMOUNT_MAX);
};
export const LINES_TOTAL_MESSAGE = `the lines must total at most ${AMOUNT_MAX}`;
