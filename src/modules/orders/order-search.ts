import type { Db } from '../../db/database';
import { countProductLines, findNumberMatches, searchNames, type OrderSearch } from './order-search.repository';

/** Above this many matching customers or products a search is broad: most pages fill within a short scan. */
const NARROW_NAMES = 200;
/** Above this many orders matching by number or PO, the same. */
const NARROW_NUMBERS = 2000;
/**
 * Above this many lines of the matching products, a keyset page walks the list in order against their orders held
 * as a set (see OrderSearch): gathering and sorting them costs one order read each, while the walk reaches a
 * page's 21 orders within about 21 / (share of orders matching) orders, about 10,000 at a million orders here.
 */
const GATHERED_LINES = 2000;
/**
 * Above this many the set is not built (PostgreSQL hashes it in memory only while its estimate fits hash_mem, and
 * counting and hashing it grows with it): so many orders match that the walk fills a page within a few hundred
 * orders, each probed by its own lines.
 */
const HASHED_LINES = 50_000;

/**
 * Chooses how a search text reaches the orders (see OrderSearch): names first, in the small customer and product
 * tables; order numbers and POs through their trigram index from 3 characters on. Numbers and POs are Latin
 * letters and digits, so a 1–2 character text in Chinese cannot be one and needs no number probe, while a 1–2
 * character Latin text matches too many numbers to be narrow. The matching products' lines are counted (up to
 * HASHED_LINES + 1, read from order_lines_product alone) to choose how a keyset page reaches their orders.
 */
export async function planOrderSearch(db: Db, companyId: string, text: string): Promise<OrderSearch> {
  const short = [...text].length < 3;
  const latin = /[\x21-\x7e]/.test(text);
  if (short && latin) return { narrow: false };
  const { customerIds, productIds } = await searchNames(db, companyId, text, NARROW_NAMES);
  if (customerIds.length > NARROW_NAMES || productIds.length > NARROW_NAMES) return { narrow: false };
  const lines = productIds.length ? await countProductLines(db, companyId, productIds, HASHED_LINES) : 0;
  const walk = lines > HASHED_LINES ? 'probe' : lines > GATHERED_LINES ? 'set' : undefined;
  if (short) return { narrow: true, customerIds, productIds, numberIds: [], walk };
  const numberIds = await findNumberMatches(db, companyId, text, NARROW_NUMBERS);
  if (numberIds.length > NARROW_NUMBERS) return { narrow: false };
  return { narrow: true, customerIds, productIds, numberIds, walk };
}
