import { createHmac, timingSafeEqual } from 'node:crypto';

// 物流跟踪链接: a link to one shipment's status that needs no login. The token carries the company, the shipment
// and an expiry, signed with HMAC-SHA256 by the company's own secret (so one company's secret never vouches for
// another's shipments); nothing personal is in it.

export type TrackingClaim = { companyId: string; shipmentId: string; expiresAt: Date };

const mac = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export function signTrackingToken(claim: TrackingClaim, secret: string): string {
  const payload = Buffer.from(
    JSON.stringify([claim.companyId, claim.shipmentId, Math.floor(claim.expiresAt.getTime() / 1000)]),
  ).toString('base64url');
  return `${payload}.${mac(payload, secret)}`;
}

/** The claim a token makes, before its signature is checked (to find the company's secret); undefined if garbled. */
export function readTrackingToken(token: string): (TrackingClaim & { payload: string; signature: string }) | undefined {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return undefined;
  try {
    const [companyId, shipmentId, exp] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown[];
    const uuid = /^[0-9a-f-]{36}$/i;
    if (typeof companyId !== 'string' || typeof shipmentId !== 'string' || typeof exp !== 'number') return undefined;
    if (!uuid.test(companyId) || !uuid.test(shipmentId) || !Number.isFinite(exp)) return undefined;
    return { companyId, shipmentId, expiresAt: new Date(exp * 1000), payload, signature };
  } catch {
    return undefined;
  }
}

export function signatureMatches(claim: { payload: string; signature: string }, secret: string): boolean {
  const expected = Buffer.from(mac(claim.payload, secret));
  const given = Buffer.from(claim.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The absolute link of a token: `<public base>/t/<token>`. */
export const trackingUrl = (baseUrl: string, token: string) => `${baseUrl.replace(/\/+$/, '')}/t/${token}`;
