// Retries of outgoing deliveries (webhooks, messages to customers): the back-off between tries and the error text
// kept for the admin.

/** 30 s, 1 min, 2 min, … doubling up to 6 h between tries. */
export const backoffMs = (failures: number) => Math.min(30_000 * 2 ** (failures - 1), 6 * 3600_000);

/** A claimed delivery is invisible to other senders this long; if its sender dies, it is tried again after. */
export const LEASE_MS = 5 * 60_000;

/** The error of a failed try as one short line. */
export function errorText(e: unknown, fallback = 'request failed'): string {
  return e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : fallback;
}
