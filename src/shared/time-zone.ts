import { IANAZone } from 'luxon';

/**
 * True for IANA zone names this runtime knows. We validate with luxon and keep the user's
 * spelling: Node and Chromium call Asia/Kolkata "Asia/Calcutta", and both must be accepted.
 */
export function isValidTimeZone(zone: string): boolean {
  return zone.length <= 64 && /^[A-Za-z0-9_+\-/]+$/.test(zone) && IANAZone.isValidZone(zone);
}
