import { createHmac, timingSafeEqual } from 'node:crypto';

// 物流跟踪链接: a link to one shipment's status that needs no login. The token carries the company, the shipment
// and an expiry, signed with HMAC-SHA256 by the company's own secret (so one company's secret never vouches for
// another's shipments); nothing personal is in it.

export type TrackingClaim = { companyId: string; shipmentId: string; expiresAt: Date };

const mac = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest('base64url');

const hex = (uuid: string) => Buffer.from(uuid.replaceAll('-', ''), 'hex');
const uuidOf = (b: Buffer) => b.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/** `<company 16 bytes><shipment 16 bytes><expiry, seconds, 4 bytes>` in base64url, a dot, its HMAC: 92 characters. */
export function signTrackingToken(claim: TrackingClaim, secret: string): string {
  const expiry = Buffer.alloc(4);
  expiry.writeUInt32BE(Math.floor(claim.expiresAt.getTime() / 1000));
  const payload = Buffer.concat([hex(claim.companyId), hex(claim.shipmentId), expiry]).toString('base64url');
  return `${payload}.${mac(payload, secret)}`;
}

/** The claim a token makes, before its signature is checked (to find the company's secret); undefined if garbled. */
export function readTrackingToken(token: string): (TrackingClaim & { payload: string; signature: string }) | undefined {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined || !/^[\w-]+$/.test(payload)) return undefined;
  const raw = Buffer.from(payload, 'base64url');
  if (raw.length !== 36) return undefined;
  return {
    companyId: uuidOf(raw.subarray(0, 16)),
    shipmentId: uuidOf(raw.subarray(16, 32)),
    expiresAt: new Date(raw.readUInt32BE(32) * 1000),
    payload,
    signature,
  };
}

export function signatureMatches(claim: { payload: string; signature: string }, secret: string): boolean {
  const expected = Buffer.from(mac(claim.payload, secret));
  const given = Buffer.from(claim.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The absolute link of a token: `<public base>/t/<token>`. */
export const trackingUrl = (baseUrl: string, token: string) => `${baseUrl.replace(/\/+$/, '')}/t/${token}`;
