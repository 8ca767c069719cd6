/**
 * The directory's search lives in the page's query string, so a search can be shared, kept
 * as a bookmark and walked back with the browser's back button. The names are the API's
 * (`/groups?q=…&language=fr` asks `/api/v1/search/groups?q=…&language=fr`). Pure.
 */
import { SEARCH_LIMITS, SORTS, type Sort } from '../../../shared/directory.ts';
import { isLanguageTag } from '../../../shared/language-tag.ts';
import { LEADERSHIPS, MODES, type Leadership, type Mode } from '../../../shared/limits.ts';

const PAGE_SIZE = 20;
export const RADII_KM = [5, 10, 25, 50, 100, 250, 500, 1000, 2500] as const;

export interface DirectoryFilters {
  q: string;
  languages: string[];
  modes: Mode[];
  leaderTypes: Leadership[];
  topic: string;
  /** Weekdays on the search's clock, 0 = Sunday. */
  days: number[];
  /** `HH:MM` or '' (no bound); `to` earlier than `from` runs past midnight. */
  from: string;
  to: string;
  /** The zone days and hours are read in; null: this browser's. */
  tz: string | null;
  /** A GeoNames id from /places, or "latitude,longitude"; null: anywhere. */
  near: string | null;
  radiusKm: number;
  /** null: the API's default (relevance with words, distance near a place, else newest). */
  sort: Sort | null;
  page: number;
}

export const NO_FILTERS: DirectoryFilters = {
  q: '',
  languages: [],
  modes: [],
  leaderTypes: [],
  topic: '',
  days: [],
  from: '',
  to: '',
  tz: null,
  near: null,
  radiusKm: SEARCH_LIMITS.radiusKmDefault,
  sort: null,
  page: 1,
};

/** `?mode=online&mode=email` and `?mode=online,email` alike, blanks and repeats dropped. */
function listOf(params: URLSearchParams, name: string): string[] {
  const values = params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return [...new Set(values)];
}

function oneOf<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value);
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * What a page address asks for. Values this page could not have written (an unknown mode,
 * a malformed hour) are dropped rather than sent: a hand-edited link still finds groups.
 */
export function filtersFromSearch(params: URLSearchParams): DirectoryFilters {
  const int = (name: string) => {
    const n = Number(params.get(name));
    return Number.isInteger(n) ? n : NaN;
  };
  const radius = Number(params.get('radiusKm'));
  const page = int('page');
  const near = params.get('near')?.trim() ?? '';
  const sort = params.get('sort') ?? '';
  const to = params.get('to') ?? '';
  return {
    q: (params.get('q') ?? '').slice(0, SEARCH_LIMITS.query),
    languages: listOf(params, 'language').filter(isLanguageTag),
    modes: listOf(params, 'mode').filter((m): m is Mode => oneOf(MODES, m)),
    leaderTypes: listOf(params, 'leaderType').filter((l): l is Leadership => oneOf(LEADERSHIPS, l)),
    topic: params.getAll('topic').find((t) => t.trim() !== '') ?? '',
    days: listOf(params, 'day')
      .filter((d) => /^[0-6]$/.test(d))
      .map(Number),
    from: CLOCK.test(params.get('from') ?? '') ? params.get('from')! : '',
    to: CLOCK.test(to) || to === '24:00' ? to : '',
    tz: params.get('tz')?.trim() || null,
    near: near && near.length <= SEARCH_LIMITS.near ? near : null,
    radiusKm: Number.isFinite(radius) && radius >= 1 && radius <= SEARCH_LIMITS.radiusKmMax ? radius : SEARCH_LIMITS.radiusKmDefault,
    sort: oneOf(SORTS, sort) ? sort : null,
    page: page >= 1 && page <= SEARCH_LIMITS.pageMax ? page : 1,
  };
}

/** The page's query string for these filters: only what differs from "everything". */
export function searchFromFilters(filters: DirectoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  for (const l of filters.languages) params.append('language', l);
  for (const m of filters.modes) params.append('mode', m);
  for (const l of filters.leaderTypes) params.append('leaderType', l);
  if (filters.topic.trim()) params.set('topic', filters.topic.trim());
  for (const d of filters.days) params.append('day', String(d));
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.tz) params.set('tz', filters.tz);
  if (filters.near) {
    params.set('near', filters.near);
    if (filters.radiusKm !== SEARCH_LIMITS.radiusKmDefault) params.set('radiusKm', String(filters.radiusKm));
  }
  if (filters.sort) params.set('sort', filters.sort);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** The API's query string: the page's, always on an explicit clock, one page's worth. */
export function apiSearchQuery(filters: DirectoryFilters, zone: string): string {
  const params = searchFromFilters({ ...filters, tz: null });
  params.set('tz', zone);
  params.set('pageSize', String(PAGE_SIZE));
  // A distance order without a place would be refused: the page falls back to the default.
  if (filters.sort === 'distance' && !filters.near) params.delete('sort');
  return params.toString();
}

export function hasTimeFilter(filters: Pick<DirectoryFilters, 'days' | 'from' | 'to'>): boolean {
  return filters.days.length > 0 || filters.from !== '' || filters.to !== '';
}

/** How many kinds of filter are on (words and order aside): shown on the collapsed panel. */
export function activeFilterCount(filters: DirectoryFilters): number {
  return [
    filters.languages.length > 0,
    filters.modes.length > 0,
    filters.leaderTypes.length > 0,
    filters.topic.trim() !== '',
    hasTimeFilter(filters),
    filters.near !== null,
  ].filter(Boolean).length;
}

/**
 * A position from the browser, rounded to 0.01° (about a kilometre): enough to find groups
 * nearby, and no more precise than that in an address someone may share.
 */
export function nearFromPosition(latitude: number, longitude: number): string {
  return `${latitude.toFixed(2)},${longitude.toFixed(2)}`;
}

/** Total pages for a count, at least 1. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}
