/**
 * The directory's search as the API takes it and the web page writes it into its address:
 * the orders, the bounds (a longer query or a radius out of range is refused, not cut) and
 * how `near` is read. Pure.
 */

/** Result orders: relevance needs words, distance needs a place. */
export const SORTS = ['relevance', 'next', 'distance', 'newest'] as const;
export type Sort = (typeof SORTS)[number];

export const SEARCH_LIMITS = {
  query: 300,
  near: 60,
  pageMax: 10_000,
  pageSizeMax: 50,
  pageSizeDefault: 20,
  radiusKmDefault: 50,
  radiusKmMax: 20_000,
  placeQuery: 100,
  placesMax: 20,
  /** Occurrences listed per group under `matches`. */
  matchesPerGroup: 3,
} as const;

const NEAR = /^\s*(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$/;

/** `near`: a GeoNames id from GET /places, or "latitude,longitude" in degrees; null when neither. */
export function parseNear(near: string | null): { placeId: number } | { latitude: number; longitude: number } | null {
  if (!near) return null;
  if (/^\d{1,10}$/.test(near)) return { placeId: Number(near) };
  const m = NEAR.exec(near);
  if (!m) return null;
  const latitude = Number(m[1]);
  const longitude = Number(m[2]);
  return Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180 ? { latitude, longitude } : null;
}

/** A town from the offline gazetteer (GET /api/v1/places). */
export interface Place {
  /** GeoNames id: usable as `near`. */
  id: number;
  name: string;
  countryCode: string;
  /** GeoNames admin1 code (a region's code, e.g. "10" for Québec, "11" for Île-de-France). */
  admin1?: string;
  latitude: number;
  longitude: number;
  population: number;
}
