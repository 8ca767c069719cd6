/**
 * The directory: finding public groups by words, language, way of taking part, leader type,
 * topic, day and hour in one's own zone, and distance from a town.
 *
 * It keeps its own read model (`group_directory` and side tables, see migration 0006),
 * refreshed from the groups and sessions services whenever one of their events says a group,
 * its leaders or its sessions changed, and by a periodic job that rolls occurrence starts
 * forward. Only public, published groups ever have a row.
 */
import { parseNear, SEARCH_LIMITS, type Place } from '../../../shared/directory.ts';
import type { Leadership, Mode } from '../../../shared/limits.ts';
import { instantToLocal } from '../../../shared/zoned-time.ts';
import { parseStringList } from '../../platform/db/json-list.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { EventName } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { JobHandler } from '../../platform/jobs/job-worker.ts';
import type { GroupsService } from '../groups/groups.service.ts';
import { occurrencesOf, scheduleOf } from '../sessions/occurrences.ts';
import type { SessionsService } from '../sessions/sessions.service.ts';
import { effectiveSort, searchGroups, type DirectoryQuery } from './directory-search.ts';
import { languageKey, queryTokens, topicKey } from './directory-text.ts';
import * as repo from './directory.repository.ts';
import type { DirectoryGroup, SearchGroupsInput } from '../../../shared/api/directory.schemas.ts';
import { findPlaceById, findPlaces } from './places.ts';
import { isInWindows, isTimeFiltered } from './time-windows.ts';
import { parseClock } from '../../../shared/clock-time.ts';

const DAY = 86_400_000;
/** Occurrence starts kept per group: far enough ahead for "next session" and the time fit. */
const HORIZON_DAYS = 120;
/** When nothing falls in the horizon, how far to look for a single next occurrence. */
const LOOKAHEAD_DAYS = 400;
const MAX_STARTS = 400;
/** The refresh job: rows older than this are recomputed, this many per run (plus new ones). */
const DIRECTORY_REFRESH = 'directory.refresh';
const REFRESH_EVERY_MS = 60 * 60_000;
const STALE_AFTER_MS = DAY;
const REFRESH_BATCH = 2000;

/** Every event after which a group's row may have to change. */
const REFRESHING_EVENTS: EventName[] = [
  'group.founded',
  'group.updated',
  'group.published',
  'group.deleted',
  'leader.promoted',
  'leader.demoted',
  'session.scheduled',
  'session.updated',
  'session.deleted',
  'occurrence.changed',
];

export function createDirectoryService(deps: ServiceDeps & { groups: GroupsService; sessions: SessionsService }) {
  const { db, groups, sessions } = deps;

  /** The upcoming starts of a group's sessions, cancelled ones left out, as ISO strings. */
  async function upcomingStarts(groupId: string, now: number): Promise<string[]> {
    const { sessions: rows, exceptions } = await sessions.sessionsWithExceptions([groupId]);
    const starts = new Set<number>();
    let firstLater: number | null = null;
    for (const s of rows) {
      const own = exceptions.filter((e) => e.session_id === s.id);
      for (const o of occurrencesOf(scheduleOf(s), own, now, now + HORIZON_DAYS * DAY)) starts.add(o.startsAt);
      if (starts.size === 0) {
        // Nothing soon: remember the first one further on, for "next session".
        const later = occurrencesOf(scheduleOf(s), own, now + HORIZON_DAYS * DAY, now + LOOKAHEAD_DAYS * DAY)[0];
        if (later && (firstLater === null || later.startsAt < firstLater)) firstLater = later.startsAt;
      }
    }
    if (starts.size === 0 && firstLater !== null) starts.add(firstLater);
    return [...starts]
      .sort((a, b) => a - b)
      .slice(0, MAX_STARTS)
      .map((t) => new Date(t).toISOString());
  }

  /**
   * Brings one group's directory row up to date: written when the anonymous single-group
   * check shows it and it is public, removed otherwise.
   */
  async function refreshGroup(groupId: string, now = deps.clock.now().getTime()): Promise<void> {
    const visible = await groups.loadGroupFor(null, { id: groupId }, 'view').catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
      throw err;
    });
    const group = visible?.group;
    if (!group || group.status !== 'active' || group.visibility !== 'public') {
      await repo.deleteEntry(db, groupId);
      return;
    }
    const [leaderTypes, starts] = await Promise.all([groups.leaderTypesOf(groupId), upcomingStarts(groupId, now)]);
    const topics = parseStringList(group.topics);
    const tags = new Map<string, repo.DirectoryTag>();
    const tag = (kind: repo.DirectoryTag['kind'], value: string) => tags.set(`${kind}\u0000${value}`, { kind, value });
    for (const l of parseStringList(group.languages)) tag('language', languageKey(l));
    for (const m of parseStringList(group.modes)) tag('mode', m);
    for (const t of topics) tag('topic', topicKey(t));
    for (const l of leaderTypes) tag('leader', l);
    const entry: repo.DirectoryEntry = {
      group_id: group.id,
      name: group.name.normalize('NFKC'),
      purpose: (group.purpose ?? '').normalize('NFKC'),
      topics: topics.join(' ; ').normalize('NFKC'),
      latitude: group.place_latitude,
      longitude: group.place_longitude,
      published_at: group.published_at ?? group.created_at,
      expanded_at: new Date(now).toISOString(),
    };
    await db.transaction().execute(async (trx) => {
      await repo.upsertEntry(trx, entry, [...tags.values()], starts);
      // Read again under the row's lock: a change to private that committed meanwhile wins.
      if (!(await repo.isListable(trx, groupId))) await repo.deleteEntry(trx, groupId);
    });
  }

  for (const name of REFRESHING_EVENTS) deps.events.on(name, ({ groupId }) => refreshGroup(groupId));
  // Who leads changes the leader types; other comings and goings change nothing we keep.
  deps.events.on('member.left', ({ groupId, wasLeader }) => (wasLeader ? refreshGroup(groupId) : undefined));
  deps.events.on('member.removed', ({ groupId, wasLeader }) => (wasLeader ? refreshGroup(groupId) : undefined));

  /** `near` as a point: coordinates as given, or the gazetteer's town. */
  function resolveNear(near: string | undefined): { latitude: number; longitude: number } | null {
    if (near === undefined) return null;
    const parsed = parseNear(near);
    if (parsed && 'placeId' in parsed) {
      const place = findPlaceById(parsed.placeId);
      if (!place) throw new AppError('VALIDATION', { issues: [{ path: 'query.near', key: 'issue.unknownPlace' }] });
      return { latitude: place.latitude, longitude: place.longitude };
    }
    if (!parsed) throw new AppError('VALIDATION', { issues: [{ path: 'query.near', key: 'issue.near' }] });
    return parsed;
  }

  return {
    refreshGroup,

    /**
     * Public groups matching the query, a page of them and how many in all. Times are read
     * and shown in `tz`, else the viewer's own zone, else UTC.
     */
    async searchDirectory(actor: Actor | null, input: SearchGroupsInput, now = deps.clock.now().getTime()) {
      const timeZone = input.tz ?? actor?.timeZone ?? 'UTC';
      const near = resolveNear(input.near);
      const tokens = queryTokens(input.q);
      const query: DirectoryQuery = {
        tokens,
        languages: [...new Set((input.language ?? []).map(languageKey))],
        modes: [...new Set(input.mode ?? [])] as Mode[],
        leaderTypes: [...new Set(input.leaderType ?? [])] as Leadership[],
        topics: [...new Set((input.topic ?? []).map(topicKey))],
        time: {
          timeZone,
          days: [...new Set(input.day ?? [])],
          ...(input.from !== undefined ? { from: parseClock(input.from)! } : {}),
          ...(input.to !== undefined ? { to: parseClock(input.to, true)! } : {}),
        },
        near: near ? { ...near, radiusKm: input.radiusKm } : null,
        sort: input.sort ?? (tokens.length > 0 ? 'relevance' : near ? 'distance' : 'newest'),
        page: input.page,
        pageSize: input.pageSize,
        now,
      };
      const result = await searchGroups(db, deps.dialect, query);
      const ids = result.hits.map((h) => h.groupId);
      const nowIso = new Date(now).toISOString();
      const filtered = isTimeFiltered(query.time);
      const [summaries, next, fitting] = await Promise.all([
        groups.summariesOf(ids),
        repo.listNextStarts(db, ids, nowIso),
        filtered && result.windows.length > 0
          ? repo.listStartsBetween(
              db,
              ids,
              new Date(result.windows[0]!.start).toISOString(),
              new Date(result.windows[result.windows.length - 1]!.end).toISOString(),
            )
          : Promise.resolve([]),
      ]);
      const matches = new Map<string, { startsAt: string; localStart: string }[]>();
      for (const s of fitting) {
        const instant = Date.parse(s.starts_at);
        if (!isInWindows(instant, result.windows)) continue;
        const list = matches.get(s.group_id) ?? [];
        if (list.length < SEARCH_LIMITS.matchesPerGroup) list.push({ startsAt: s.starts_at, localStart: instantToLocal(instant, timeZone) });
        matches.set(s.group_id, list);
      }
      const out: DirectoryGroup[] = [];
      for (const hit of result.hits) {
        const summary = summaries.get(hit.groupId);
        // Deleted between the two reads: it is simply not on this page.
        if (!summary) continue;
        const nextAt = next.get(hit.groupId) ?? null;
        out.push({
          ...summary,
          ...(hit.distanceKm !== null ? { distanceKm: Math.round(hit.distanceKm * 10) / 10 } : {}),
          nextSessionAt: nextAt,
          nextSessionLocal: nextAt ? instantToLocal(Date.parse(nextAt), timeZone) : null,
          ...(filtered ? { matches: matches.get(hit.groupId) ?? [] } : {}),
        });
      }
      return { groups: out, total: result.total, page: query.page, pageSize: query.pageSize, sort: effectiveSort(query), timeZone };
    },

    /** Towns for a place picker, biggest first. */
    findPlaces: (q: string, limit: number): Place[] => findPlaces(q, limit),

    /** One town by its GeoNames id, or 404. */
    viewPlace(id: number): Place {
      const place = findPlaceById(id);
      if (!place) throw new AppError('NOT_FOUND');
      return place;
    },

    /**
     * The periodic job: adds public groups that have no row yet (a failed refresh, rows
     * written without the services), recomputes rows never expanded (after the migration)
     * and rolls the stalest others forward so "next session" and the time fit keep looking
     * ahead. A row whose group is no longer listable is removed on the way.
     */
    refreshJob: {
      kind: DIRECTORY_REFRESH,
      everyMs: REFRESH_EVERY_MS,
      handler: (async (_payload, { now }) => {
        const missing = await repo.listMissingEntries(db, REFRESH_BATCH);
        const stale = await repo.listStaleEntries(db, new Date(now.getTime() - STALE_AFTER_MS).toISOString(), REFRESH_BATCH);
        for (const id of [...missing, ...stale]) await refreshGroup(id, now.getTime());
      }) satisfies JobHandler,
    },
  };
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;
