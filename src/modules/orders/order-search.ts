import type { Db } from '../../db/database';
import { findNumberMatches, searchNames, type OrderSearch } from './order-search.repository';

/** Above this many matching customers or products a search is broad: most pages fill within a short scan. */
const NARROW_NAMES = 200;
/** Above this many orders matching by number or PO, the same. */
const NARROW_NUMBERS = 2000;

/**
 * Chooses how a search text reaches the orders (see OrderSearch): names first, in the small customer and product
 * tables; order numbers and POs through their trigram index from 3 characters on. Numbers and POs are Latin
 * letters and digits, so a 1–2 character text in Chinese cannot be one and needs no number probe, while a 1–2
 * character Latin text matches too many numbers to be narrow.
 */
export async function planOrderSearch(db: Db, companyId: string, text: string): Promise<OrderSearch> {
  const short = [...text].length < 3;
  const latin = /[\x21-\x7e]/.test(text);
  if (short && latin) return { narrow: false };
  const { customerIds, productIds } = await searchNames(db, companyId, text, NARROW_NAMES);
  if (customerIds.length > NARROW_NAMES || productIds.length > NARROW_NAMES) return { narrow: false };
  if (short) return { narrow: true, customerIds, productIds, numberIds: [] };
  const numberIds = await findNumberMatches(db, companyId, text, NARROW_NUMBERS);
  if (numberIds.length > NARROW_NUMBERS) return { narrow: false };
  return { narrow: true, customerIds, productIds, numberIds };
}
