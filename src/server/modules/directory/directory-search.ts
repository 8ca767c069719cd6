/**
 * Searching the directory: one function, `searchGroups(db, dialect, query)`, with the
 * dialect-specific part (full-text matching and its ranking, plus one SQL spelling) behind
 * `DialectSearch`, one implementation per engine (directory-search.sqlite.ts,
 * directory-search.postgres.ts). Filters, distance, time fit, sorting and paging are the
 * same SQL on both.
 *
 * Privacy: only `group_directory` rows are searched, and those exist only for public,
 * published groups; the query still re-checks both columns on `groups` itself, so that a
 * row a failed or racing refresh left behind can never list, or count, a group the
 * single-group check would hide.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Sort } from '../../../shared/directory.ts';
import type { Leadership, Mode } from '../../../shared/limits.ts';
import type { Db, Dialect } from '../../platform/db/database.ts';
import type { DialectSearch } from './directory-search.dialect.ts';
import { postgresSearch } from './directory-search.postgres.ts';
import { sqliteSearch } from './directory-search.sqlite.ts';
import { isTimeFiltered, viewerWindows, type TimeFit, type Window } from './time-windows.ts';

export interface DirectoryQuery {
  /** Search words (see `queryTokens`); empty: no text condition. */
  tokens: string[];
  /** Primary language subtags; a group matches if it uses any of them. */
  languages: string[];
  modes: Mode[];
  leaderTypes: Leadership[];
  /** Topic keys (`topicKey`); a group matches if it has any of them. */
  topics: string[];
  time: TimeFit;
  near: { latitude: number; longitude: number; radiusKm: number } | null;
  sort: Sort;
  page: number;
  pageSize: number;
  /** The clock, in UTC ms: upcoming occurrences are those from now on. */
  now: number;
}

interface SearchHit {
  groupId: string;
  /** Larger is better on both engines (SQLite's bm25 is negated). Null without words. */
  rank: number | null;
  distanceKm: number | null;
  /** Set when sorting by next session; otherwise the caller looks it up for the page. */
  nextSessionAt: string | null;
}

export interface SearchPage {
  hits: SearchHit[];
  total: number;
  /** The viewer's windows the time filter used (empty when there is none). */
  windows: Window[];
}

const dialects: Record<Dialect, DialectSearch> = { sqlite: sqliteSearch, postgres: postgresSearch };

const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = 111.2;

/** Great-circle distance (haversine) from a point to the row's position, in km. */
function distanceExpression(dialect: DialectSearch, lat: number, lng: number): RawBuilder<number> {
  const h = sql`power(sin(radians(d.latitude - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(d.latitude)) * power(sin(radians(d.longitude - ${lng}) / 2), 2)`;
  // Rounding can push h a hair above 1, where asin is undefined (PostgreSQL raises).
  return sql<number>`(${2 * EARTH_RADIUS_KM} * asin(sqrt(${dialect.least(h, sql`1.0`)})))`;
}

/**
 * A box around the point that holds the circle, so the index on (latitude, longitude) does
 * the coarse work. Near a pole, or when the box would cross the antimeridian, longitude is
 * left to the exact distance (or split in two).
 */
function boundingBox(near: NonNullable<DirectoryQuery['near']>): RawBuilder<unknown> {
  const dLat = near.radiusKm / KM_PER_DEGREE;
  const latCond = sql`d.latitude BETWEEN ${near.latitude - dLat} AND ${near.latitude + dLat}`;
  const cosLat = Math.cos((near.latitude * Math.PI) / 180);
  if (Math.abs(near.latitude) + dLat >= 89 || cosLat <= 0) return latCond;
  const dLng = near.radiusKm / (KM_PER_DEGREE * cosLat);
  if (dLng >= 180) return latCond;
  const west = near.longitude - dLng;
  const east = near.longitude + dLng;
  if (west < -180) return sql`${latCond} AND (d.longitude >= ${west + 360} OR d.longitude <= ${east})`;
  if (east > 180) return sql`${latCond} AND (d.longitude >= ${west} OR d.longitude <= ${east - 360})`;
  return sql`${latCond} AND d.longitude BETWEEN ${west} AND ${east}`;
}

function tagCondition(kind: string, values: string[]): RawBuilder<unknown> {
  return sql`d.group_id IN (SELECT t.group_id FROM group_directory_tags t WHERE t.kind = ${kind} AND t.value IN (${sql.join(values)}))`;
}

function windowCondition(windows: Window[]): RawBuilder<unknown> {
  if (windows.length === 0) return sql`1 = 0`;
  const ranges = windows.map((w) => sql`(s.starts_at >= ${new Date(w.start).toISOString()} AND s.starts_at < ${new Date(w.end).toISOString()})`);
  return sql`EXISTS (SELECT 1 FROM group_directory_starts s WHERE s.group_id = d.group_id AND (${sql.join(ranges, sql` OR `)}))`;
}

/** The sort actually used: relevance needs words, distance needs a place. */
export function effectiveSort(query: Pick<DirectoryQuery, 'sort' | 'tokens' | 'near'>): Sort {
  if (query.sort === 'relevance' && query.tokens.length === 0) return query.near ? 'distance' : 'newest';
  if (query.sort === 'distance' && !query.near) return 'newest';
  return query.sort;
}

interface Row {
  group_id: string;
  rank: number | string | null;
  distance_km: number | string | null;
  next_at: string | null;
  total: number | string;
}

/** One page of public groups matching the query, and how many match in all. */
export async function searchGroups(db: Db, dialect: Dialect, query: DirectoryQuery): Promise<SearchPage> {
  const engine = dialects[dialect];
  const text = query.tokens.length > 0 ? engine.text(query.tokens) : null;
  const windows = isTimeFiltered(query.time) ? viewerWindows(query.time, query.now) : [];
  const sort = effectiveSort(query);
  const nowIso = new Date(query.now).toISOString();

  const conditions: RawBuilder<unknown>[] = [sql`g.status = 'active'`, sql`g.visibility = 'public'`];
  if (text) conditions.push(text.where);
  if (query.languages.length > 0) conditions.push(tagCondition('language', query.languages));
  if (query.modes.length > 0) conditions.push(tagCondition('mode', query.modes));
  if (query.leaderTypes.length > 0) conditions.push(tagCondition('leader', query.leaderTypes));
  if (query.topics.length > 0) conditions.push(tagCondition('topic', query.topics));
  if (isTimeFiltered(query.time)) conditions.push(windowCondition(windows));
  const distance = query.near ? distanceExpression(engine, query.near.latitude, query.near.longitude) : null;
  if (query.near) conditions.push(boundingBox(query.near));

  const nextAt =
    sort === 'next' ? sql`(SELECT min(s.starts_at) FROM group_directory_starts s WHERE s.group_id = d.group_id AND s.starts_at >= ${nowIso})` : sql`NULL`;
  const inner = sql`
    SELECT d.group_id, d.published_at, ${text ? text.rank : sql`NULL`} AS rank, ${distance ?? sql`NULL`} AS distance_km, ${nextAt} AS next_at
    FROM ${text ? text.from : sql`group_directory d`}
    JOIN groups g ON g.id = d.group_id
    WHERE ${sql.join(conditions, sql` AND `)}`;
  const outerWhere = query.near ? sql`WHERE x.distance_km <= ${query.near.radiusKm}` : sql``;
  const order = {
    relevance: sql`x.rank DESC, x.published_at DESC, x.group_id`,
    next: sql`CASE WHEN x.next_at IS NULL THEN 1 ELSE 0 END, x.next_at, x.group_id`,
    distance: sql`x.distance_km, x.group_id`,
    newest: sql`x.published_at DESC, x.group_id`,
  }[sort];
  const offset = (query.page - 1) * query.pageSize;
  const rows = (
    await sql<Row>`
      SELECT x.group_id, x.rank, x.distance_km, x.next_at, count(*) OVER () AS total
      FROM (${inner}) x
      ${outerWhere}
      ORDER BY ${order}
      LIMIT ${query.pageSize} OFFSET ${offset}`.execute(db)
  ).rows;

  // Past the last page the window count has no row to ride on: count on its own.
  const total =
    rows.length > 0
      ? Number(rows[0]!.total)
      : offset === 0
        ? 0
        : Number((await sql<{ n: number | string }>`SELECT count(*) AS n FROM (${inner}) x ${outerWhere}`.execute(db)).rows[0]?.n ?? 0);
  return {
    total,
    windows,
    hits: rows.map((r) => ({
      groupId: r.group_id,
      rank: r.rank === null ? null : Number(r.rank),
      distanceKm: r.distance_km === null ? null : Number(r.distance_km),
      nextSessionAt: r.next_at,
    })),
  };
}
