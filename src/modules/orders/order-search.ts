import type { Db } from '../../db/database';
import { countProductLines, findNumberMatches, searchNames, type OrderSearch } from './order-search.repository';

/** Above this many matching customers or products a search is broad: most pages fill within a short scan. */
const NARROW_NAMES = 200;
/** Above this many orders matching by number or PO, the same. */
const NARROW_NUMBERS = 2000;
/** Up to this many lines of the matching products, their orders are gathered and sorted: a few ms of reads. */
const GATHERED_LINES = 500;
/**
 * Above, a keyset page may walk the list against the set of their orders (see OrderSearch): it reads the L lines
 * once and about 21·N/L of the company's N orders, each far cheaper than probing the order's lines (the plan
 * PostgreSQL picks otherwise: PostgreSQL 15 probed order_lines_product once per product, 145,000 buffers for a
 * page at a million orders; PGlite's probes by order read 4 buffers an order). When the lines are most of the
 * orders' the probing walk is short and reading the set costs more (PGlite, 100,000 orders, 15,600 lines), so the
 * walk is taken while L² ≤ WALK_RATIO·N and L ≤ HASHED_LINES (the set is hashed in memory; it is counted first, up
 * to that bound): at a million orders up to 20,000 lines, at 100,000 up to 6,300.
 */
const WALK_RATIO = 400;
const HASHED_LINES = 50_000;

/**
 * Chooses how a search text reaches the orders (see OrderSearch): names first, in the small customer and product
 * tables; order numbers and POs through their trigram index from 3 characters on. Numbers and POs are Latin
 * letters and digits, so a 1–2 character text in Chinese cannot be one and needs no number probe, while a 1–2
 * character Latin text matches too many numbers to be narrow. The matching products' lines are counted (from
 * order_lines_product alone) against the orders (the table's row estimate) to choose whether a keyset page walks.
 */
export async function planOrderSearch(db: Db, companyId: string, text: string): Promise<OrderSearch> {
  const short = [...text].length < 3;
  const latin = /[\x21-\x7e]/.test(text);
  if (short && latin) return { narrow: false };
  const { customerIds, productIds } = await searchNames(db, companyId, text, NARROW_NAMES);
  if (customerIds.length > NARROW_NAMES || productIds.length > NARROW_NAMES) return { narrow: false };
  let walk = false;
  if (productIds.length) {
    const { lines, orders } = await countProductLines(db, companyId, productIds, WALK_RATIO, HASHED_LINES);
    walk = lines > GATHERED_LINES && lines <= HASHED_LINES && lines * lines <= WALK_RATIO * orders;
  }
  if (short) return { narrow: true, customerIds, productIds, numberIds: [], walk };
  const numberIds = await findNumberMatches(db, companyId, text, NARROW_NUMBERS);
  if (numberIds.length > NARROW_NUMBERS) return { narrow: false };
  return { narrow: true, customerIds, productIds, numberIds, walk };
}
