import { z } from 'zod';
import { parseNear, SEARCH_LIMITS, SORTS } from '../directory.ts';
import { LEADERSHIPS, LIMITS, MODES } from '../limits.ts';
import { languageTag, list, text, timeZone } from './text-schemas.ts';
import { GroupPlace, GroupSummary } from './groups.schemas.ts';
import { parseClock } from '../clock-time.ts';

/**
 * A filter given as `?mode=online,email`, `?mode=online&mode=email` or both: one list,
 * empty values dropped. Issues point at the item (`query.mode.1`).
 */
function multi<T extends z.ZodType>(item: T, max: number, options: { split?: boolean } = {}) {
  return z.preprocess((value) => {
    if (value === undefined) return undefined;
    const values = Array.isArray(value) ? value : [value];
    return values
      .flatMap((v) => (typeof v === 'string' && options.split !== false ? v.split(',') : [v]))
      .map((v) => (typeof v === 'string' && options.split !== false ? v.trim() : v))
      .filter((v) => v !== '');
  }, list(item, { max }).optional());
}

const clock = (allowEnd: boolean) =>
  z
    .string()
    .max(5)
    .refine((v) => parseClock(v, allowEnd) !== null, { error: 'issue.clockTime' });

export const SearchGroupsQuery = z
  .object({
    q: z
      .string()
      .max(SEARCH_LIMITS.query)
      .optional()
      .describe('Words from a group’s name, purpose or topics; accents and case do not matter; every word must match, whole or as the start of a word'),
    language: multi(languageTag(), LIMITS.languages).describe(
      'BCP 47 tags, comma-separated or repeated; a group matches if it uses any (compared by primary subtag: en matches en-GB)',
    ),
    mode: multi(z.enum(MODES, { error: 'issue.searchMode' }), MODES.length).describe('How members take part: in-person, online, email, post (any of them)'),
    leaderType: multi(z.enum(LEADERSHIPS, { error: 'issue.leaderType' }), LEADERSHIPS.length).describe(
      'professional, peer, guest: a group matches if one of its leaders is of that kind',
    ),
    topic: multi(text(LIMITS.topic), LIMITS.topics, { split: false }).describe('A topic (repeat for several; any matches); accents and case do not matter'),
    day: multi(
      z.coerce.number({ error: 'issue.weekday' }).int({ error: 'issue.weekday' }).min(0, { error: 'issue.weekday' }).max(6, { error: 'issue.weekday' }),
      7,
    ).describe('Weekdays in the viewer’s zone, 0 = Sunday: a group matches if one of its sessions in the next four weeks starts on one of them'),
    from: clock(false).optional().describe('HH:MM in the viewer’s zone: sessions starting at or after it'),
    to: clock(true).optional().describe('HH:MM (24:00 allowed) in the viewer’s zone: sessions starting before it; earlier than `from` runs past midnight'),
    tz: timeZone().optional().describe('The viewer’s IANA zone for day, from, to and local times (default: their account’s, else UTC)'),
    near: z
      .string()
      .max(SEARCH_LIMITS.near)
      .refine((v) => parseNear(v) !== null, { error: 'issue.near' })
      .optional()
      .describe('"latitude,longitude" or a place id from GET /places; groups without a place are left out'),
    radiusKm: z.coerce.number().min(1).max(SEARCH_LIMITS.radiusKmMax).default(SEARCH_LIMITS.radiusKmDefault).describe('With near: how far, in km (default 50)'),
    sort: z.enum(SORTS).optional().describe('relevance (default with q), distance (default with near), next (next session first), newest (otherwise)'),
    page: z.coerce.number().int().min(1).max(SEARCH_LIMITS.pageMax).default(1),
    pageSize: z.coerce.number().int().min(1).max(SEARCH_LIMITS.pageSizeMax).default(SEARCH_LIMITS.pageSizeDefault),
  })
  .refine((v) => v.sort !== 'distance' || v.near !== undefined, { error: 'issue.sortNeedsNear', path: ['sort'] })
  .refine((v) => v.from === undefined || v.to === undefined || v.from !== v.to, { error: 'issue.emptyWindow', path: ['to'] });
export type SearchGroupsInput = z.infer<typeof SearchGroupsQuery>;

export const DirectoryGroup = GroupSummary.extend({
  place: GroupPlace.nullable(),
  distanceKm: z.number().optional().describe('With near: from that point, rounded to 0.1 km'),
  nextSessionAt: z.string().nullable().describe('The next occurrence’s start (UTC), if one is known'),
  nextSessionLocal: z.string().nullable().describe('The same in the viewer’s zone, YYYY-MM-DDTHH:MM'),
  matches: z
    .array(z.object({ startsAt: z.string(), localStart: z.string() }))
    .optional()
    .describe('With a day or time filter: the first occurrences that fit, in the viewer’s zone'),
});
export type DirectoryGroup = z.infer<typeof DirectoryGroup>;

export const SearchGroupsResponse = z.object({
  groups: z.array(DirectoryGroup),
  total: z.number().describe('How many public groups match, over all pages'),
  page: z.number(),
  pageSize: z.number(),
  sort: z.enum(SORTS),
  timeZone: z.string().describe('The zone local times are given in'),
});
export type SearchGroupsResponse = z.infer<typeof SearchGroupsResponse>;

export const PlacesQuery = z.object({
  q: text(SEARCH_LIMITS.placeQuery).describe('The start of a town’s name (or of a word in it); accents and case do not matter'),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMITS.placesMax).default(10),
});

const PlaceOut = z.object({
  id: z.number().describe('GeoNames id: usable as `near`'),
  name: z.string(),
  countryCode: z.string(),
  admin1: z.string().optional().describe('GeoNames admin1 code of the region'),
  latitude: z.number(),
  longitude: z.number(),
  population: z.number(),
});

export const PlacesResponse = z.object({ places: z.array(PlaceOut) });
export const PlaceParams = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
});
export const PlaceResponse = z.object({ place: PlaceOut });
