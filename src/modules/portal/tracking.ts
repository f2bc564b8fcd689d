import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError, type Lang } from '../../lib/errors';
import { addDays } from '../../lib/calendar/calendar';
import { localDate } from '../../lib/local-date';
import { readTrackingToken, signatureMatches } from '../../lib/tracking-token';
import { findTrackingSecret } from '../companies/company.repository';
import { shipmentLabels } from '../shipping/shipment.labels';
import { maskName } from './mask-name';
import * as repo from './portal.repository';

/** Days from shipping to the expected arrival, as the shipping message states it. */
const EXPECTED_DAYS = 3;

/**
 * 物流跟踪 (public): the status of the one shipment a signed link names, with no login. It shows the status, the
 * carrier and tracking number, the expected arrival, the carrier's events and the consignee's name masked;
 * nothing else personal. A garbled, forged or unknown link is 404; an expired one 410.
 */
export async function publicTracking(db: Db, env: Env, lang: Lang, token: string) {
  const claim = readTrackingToken(token);
  const secret = claim && (await findTrackingSecret(db, claim.companyId));
  if (!claim || !secret || !signatureMatches(claim, secret)) throw new AppError('TRACKING.LINK_INVALID');
  if (claim.expiresAt <= env.now) throw new AppError('TRACKING.LINK_EXPIRED');
  const s = await repo.publicShipment(db, claim.companyId, claim.shipmentId);
  if (!s || s.status === 'cancelled') throw new AppError('TRACKING.LINK_INVALID');
  const events = await repo.trackingEvents(db, claim.companyId, [s.id]);
  const label = shipmentLabels.states[s.status];
  return {
    number: s.number,
    status: s.status,
    statusLabel: lang === 'en' ? label.en : label.zh,
    carrier: s.carrier,
    trackingNo: s.tracking_no,
    shippedAt: s.shipped_at,
    deliveredAt: s.delivered_at,
    expectedArrival: s.shipped_at ? addDays(localDate(s.shipped_at, env.workingHours.timeZone), EXPECTED_DAYS) : null,
    consignee: maskName(s.consignee?.consignee),
    events: events.map((e) => ({ at: e.at, location: e.location, description: e.description })),
    expiresAt: claim.expiresAt,
  };
}
