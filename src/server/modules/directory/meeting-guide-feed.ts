/**
 * Our public groups' sessions as Meeting Guide entries (github.com/code4recovery/spec). Pure:
 * the service reads the rows, this decides what the apps may see.
 *
 * What is listed, and why:
 * - Only weekly patterns. The spec is "for weekly meetings only" and its apps show a meeting
 *   every week on its day: a one-off, monthly or fortnightly session listed there would send
 *   people to an empty room. A series ending in the past is no longer a meeting.
 * - One entry per weekday of a pattern (FREQ=WEEKLY;BYDAY=MO,TH gives a Monday and a
 *   Thursday entry), each with its own stable slug, so an app can bookmark and flag them
 *   one by one (a Thursday cancellation must not mark the Monday closed).
 * - `day`, `time` and `end_time` are the session's wall clock in its own zone, which is also
 *   given (`timezone`): the apps do the conversion, across DST, for each reader.
 * - An entry needs an address or a conference link: the apps' importers drop anything else
 *   ("no address information"), and an online meeting without a link counts as inactive. Our
 *   online link is for members only — publishing it would undo the group's choice of who
 *   comes in — and we have no public dial-in, so online sessions are left out entirely, and
 *   in-person or hybrid ones are listed only with the street address the group published for
 *   them (a hybrid session is listed as in person, without its online side).
 * - Types are only codes the spec defines (see meeting-guide-codes.ts).
 */
import { parseStringList } from '../../platform/db/json-list.ts';
import type { Schedule } from '../sessions/recurrence.ts';
import { expandSchedule } from '../sessions/recurrence.ts';
import { occurrencesOf, type ExceptionLike } from '../sessions/occurrences.ts';
import { localToInstant } from '../../../shared/zoned-time.ts';
import { languageTypes, mentionsWheelchairAccess, topicTypes } from './meeting-guide-codes.ts';
import { excerpt, oneLineAddress } from './public-page.ts';
import type { GroupSessionsTable } from '../../platform/db/tables/sessions.tables.ts';

const DAY = 86_400_000;
const SLUG_MAX = 64;
const DAY_CODES = ['su', 'mo', 'tu', 'we', 'th', 'fr', 'sa'] as const;
const BYDAY_INDEX: Readonly<Record<string, number>> = { SU: 0, MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6 };

/** One meeting as the spec describes it (only the fields we fill in). */
export interface MeetingGuideEntry {
  name: string;
  slug: string;
  day: number;
  time: string;
  end_time: string;
  timezone: string;
  formatted_address: string;
  location?: string;
  location_notes?: string;
  region?: string;
  types: string[];
  notes?: string;
  group: string;
  url: string;
  updated: string;
}

export interface FeedGroup {
  id: string;
  slug: string;
  name: string;
  purpose: string | null;
  membership_policy: string | null;
  languages: string;
  topics: string;
  updated_at: string;
  /** A city from the gazetteer, when the group gave one. */
  placeName?: string | null;
}

/** The session columns the feed reads. */
export type FeedSession = Pick<
  GroupSessionsTable,
  | 'id'
  | 'group_id'
  | 'title'
  | 'description'
  | 'start_local'
  | 'time_zone'
  | 'duration_minutes'
  | 'rrule'
  | 'mode'
  | 'location'
  | 'address'
  | 'accessibility'
  | 'updated_at'
>;

export type FeedException = ExceptionLike & { session_id: string };

/** Day of the week (0 = Sunday) of a local date `YYYY-MM-DD…`, whatever the zone. */
export function weekdayOf(local: string): number {
  return new Date(`${local.slice(0, 10)}T00:00:00Z`).getUTCDay();
}

/**
 * The weekdays a rule repeats on every week, or null when it is not a plain weekly pattern
 * (one-off, monthly, every other week, "the 2nd Tuesday"…). Daily rules are weekly on every
 * day they allow.
 */
export function weeklyDays(rule: string | null, startLocal: string): number[] | null {
  if (!rule) return null;
  const parts = new Map(rule.split(';').map((p) => p.split('=') as [string, string]));
  const freq = parts.get('FREQ');
  if (freq !== 'WEEKLY' && freq !== 'DAILY') return null;
  if ((parts.get('INTERVAL') ?? '1') !== '1') return null;
  if (parts.has('BYMONTH') || parts.has('BYMONTHDAY') || parts.has('BYSETPOS')) return null;
  const byDay = parts.get('BYDAY');
  if (!byDay) return freq === 'DAILY' ? [0, 1, 2, 3, 4, 5, 6] : [weekdayOf(startLocal)];
  const days: number[] = [];
  for (const d of byDay.split(',')) {
    const index = BYDAY_INDEX[d];
    // An ordinal ("1MO") is a monthly idea even inside a weekly rule: not ours to guess.
    if (index === undefined) return null;
    days.push(index);
  }
  return [...new Set(days)].sort((a, b) => a - b);
}

function scheduleOf(s: FeedSession): Schedule {
  return { start: s.start_local, timeZone: s.time_zone, durationMinutes: s.duration_minutes, rule: s.rrule };
}

/** True when a bounded series (COUNT or UNTIL) has no occurrence left. */
function hasEnded(s: FeedSession, now: number): boolean {
  if (!/(^|;)(COUNT|UNTIL)=/.test(s.rrule ?? '')) return false;
  if (localToInstant(s.start_local, s.time_zone) > now) return false;
  return expandSchedule(scheduleOf(s), now, now + 8 * DAY).length === 0;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `HH:MM` wall-clock end: the start's clock plus the length, wrapping past midnight. */
export function endClock(startLocal: string, minutes: number): string {
  const start = Number(startLocal.slice(11, 13)) * 60 + Number(startLocal.slice(14, 16));
  const end = (start + minutes) % 1440;
  return `${pad(Math.floor(end / 60))}:${pad(end % 60)}`;
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, as the spec's `updated`. */
export function specTimestamp(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function clean(text: string | null | undefined, max: number): string | undefined {
  if (!text) return undefined;
  return excerpt(text, max) || undefined;
}

function slugFor(groupSlug: string, sessionId: string, day: number, long: boolean): string {
  const id = sessionId.replace(/-/g, '').toLowerCase();
  const suffix = `-${long ? id : id.slice(0, 8)}-${DAY_CODES[day]}`;
  const base = groupSlug.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, '');
  return `${base}${suffix}`;
}

/**
 * The feed: every weekly pattern of the given groups' sessions, one entry per weekday.
 * The caller passes only public, published groups. Entries are sorted by slug so the same
 * data always gives the same bytes (and the same ETag).
 */
export function buildMeetingGuideFeed(
  groups: readonly FeedGroup[],
  sessions: readonly FeedSession[],
  exceptions: readonly FeedException[],
  options: { appUrl: string; now: number },
): MeetingGuideEntry[] {
  const { appUrl, now } = options;
  const groupOf = new Map(groups.map((g) => [g.id, g]));
  const exceptionsOf = new Map<string, FeedException[]>();
  for (const e of exceptions) exceptionsOf.set(e.session_id, [...(exceptionsOf.get(e.session_id) ?? []), e]);

  const drafts: { entry: Omit<MeetingGuideEntry, 'slug'>; groupSlug: string; sessionId: string }[] = [];
  for (const s of sessions) {
    const group = groupOf.get(s.group_id);
    if (!group) continue;
    // Online only: the way in is for members (see the top of this file).
    if (s.mode !== 'in-person' && s.mode !== 'hybrid') continue;
    const address = oneLineAddress(s.address);
    if (!address) continue;
    const days = weeklyDays(s.rrule, s.start_local);
    if (!days || hasEnded(s, now)) continue;

    const baseTypes = [
      ...(group.membership_policy === 'open' ? ['O'] : group.membership_policy === 'approval' || group.membership_policy === 'invite' ? ['C'] : []),
      ...languageTypes(parseStringList(group.languages)),
      ...topicTypes(parseStringList(group.topics)),
      ...(mentionsWheelchairAccess(s.accessibility) ? ['X'] : []),
    ];
    // The coming week's occurrence of each day: cancelled means "temporarily closed" (TC)
    // until it has passed; a moved one still takes place.
    const coming = occurrencesOf(scheduleOf(s), exceptionsOf.get(s.id) ?? [], now, now + 7 * DAY, true);
    const notes = [clean(group.purpose, 500), clean(s.description, 500)].filter(Boolean).join('\n\n');
    const updated = [group.updated_at, s.updated_at].sort().at(-1)!;
    for (const day of days) {
      const closed = coming.some((o) => o.status === 'cancelled' && weekdayOf(o.occurrence) === day);
      const entry: Omit<MeetingGuideEntry, 'slug'> = {
        name: excerpt(s.title, 255) || excerpt(group.name, 255) || group.slug,
        day,
        time: s.start_local.slice(11, 16),
        end_time: endClock(s.start_local, s.duration_minutes),
        timezone: s.time_zone,
        formatted_address: address,
        types: [...new Set([...baseTypes, ...(closed ? ['TC'] : [])])],
        group: group.name,
        url: `${appUrl}/groups/${encodeURIComponent(group.slug)}`,
        updated: specTimestamp(updated),
      };
      const location = clean(s.location, 255);
      if (location) entry.location = location;
      const locationNotes = clean(s.accessibility, 1000);
      if (locationNotes) entry.location_notes = locationNotes;
      const region = clean(group.placeName, 120);
      if (region) entry.region = region;
      if (notes) entry.notes = notes;
      drafts.push({ entry, groupSlug: group.slug, sessionId: s.id });
    }
  }

  // Short slugs use 8 hex digits of the session id; should two ever meet, both take the
  // whole id (still within 64 characters), so a slug never changes because of a third.
  const short = drafts.map((d) => slugFor(d.groupSlug, d.sessionId, d.entry.day, false));
  const counts = new Map<string, number>();
  for (const s of short) counts.set(s, (counts.get(s) ?? 0) + 1);
  const entries: MeetingGuideEntry[] = drafts.map((d, i) => {
    const { name, ...rest } = d.entry;
    return { name, slug: counts.get(short[i]!)! > 1 ? slugFor(d.groupSlug, d.sessionId, d.entry.day, true) : short[i]!, ...rest };
  });
  return entries.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}
