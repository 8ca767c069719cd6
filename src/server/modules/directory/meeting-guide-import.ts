/**
 * Reading one Meeting Guide entry (someone else's feed: anything may be in it) into what we
 * found a group and schedule its weekly session with, or the reason it cannot be. Pure.
 *
 * The rules follow the spec (github.com/code4recovery/spec) and what its apps do with a
 * feed: a slug is the entry's identity; weekly meetings need a day and an `HH:MM` time; a
 * time zone is needed to place them (the admin may give a default); a meeting someone can
 * go to has a street address (not marked approximate, and not "temporarily closed", TC) or
 * an online link (`conference_url` or `conference_phone`). Text is made storable rather
 * than refused (control characters become spaces, broken surrogates are repaired, long
 * names are shortened), then checked with the very schemas the API validates with, so an
 * imported group is one the founding guide could have made.
 */
import { createHash } from 'node:crypto';
import type { Locale } from '../../../shared/locale.ts';
import { LIMITS } from '../../../shared/limits.ts';
import { isValidTimeZone } from '../../../shared/time-zone.ts';
import { instantToLocal } from '../../../shared/zoned-time.ts';
import { MESSAGES, translate, type MessageKey } from '../../platform/i18n/messages.ts';
import { FoundGroupBody, type FoundGroupInput } from '../../../shared/api/groups.schemas.ts';
import { ScheduleSessionBody, type ScheduleSessionInput } from '../../../shared/api/sessions.schemas.ts';
import { readTypes } from './meeting-guide-codes.ts';
import { weekdayOf } from './meeting-guide-feed.ts';

const DAY = 86_400_000;
const BYDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const DEFAULT_MINUTES = 60;

export interface ImportContext {
  /** The feed's URL, or the name the admin gave an uploaded file. */
  source: string;
  /** How the source reads in sentences (the URL, or "an uploaded file"). */
  sourceLabel: string;
  locale: Locale;
  defaultTimeZone?: string | undefined;
  defaultLanguage?: string | undefined;
  now: number;
}

export interface ImportPlan {
  sourceSlug: string;
  group: FoundGroupInput;
  /** Everything but the start date, which depends on when it is imported. */
  session: Omit<ScheduleSessionInput, 'start'> & { recurrence: string };
  /** The first date on or after today (in the meeting's zone) on one of its days. */
  start: string;
  /** Digest of `group` and `session`: the same entry imported again changes nothing. */
  hash: string;
}

export type EntryReading = { ok: true; plan: ImportPlan } | { ok: false; reason: MessageKey; params?: Record<string, string> };

type Entry = Record<string, unknown>;

const skip = (reason: MessageKey, params?: Record<string, string>): EntryReading => ({ ok: false, reason, ...(params ? { params } : {}) });

function isEntry(value: unknown): value is Entry {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** At most `max` UTF-16 units (what our schemas count), never splitting a character. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - 1) break;
    out += char;
  }
  return `${out.trimEnd()}…`;
}

/** One line of storable text, or null when nothing is left. */
function line(value: unknown, max: number): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value)
    .toWellFormed()
    .replace(/[\u0000-\u001F\u007F]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text ? cut(text, max) : null;
}

/** Several lines of storable text (line breaks kept), or null. */
function lines(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const text = value
    .toWellFormed()
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .trim();
  return text ? cut(text, max) : null;
}

/** The name and slug of an entry as it was written, for the report. */
export function describeEntry(raw: unknown): { name: string | null; slug: string | null } {
  if (!isEntry(raw)) return { name: null, slug: null };
  const show = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? cut(String(v).toWellFormed(), 255) : null);
  return { name: show(raw.name), slug: show(raw.slug) };
}

/** The entry's slug as a key (the spec allows numbers), or null. */
export function slugOf(raw: unknown): string | null {
  if (!isEntry(raw)) return null;
  const slug = raw.slug;
  if (typeof slug === 'number' && Number.isFinite(slug)) return String(slug);
  if (typeof slug !== 'string') return null;
  const trimmed = slug.toWellFormed().trim();
  return trimmed && trimmed.length <= 255 ? trimmed : null;
}

function readDays(value: unknown): number[] | 'invalid' | null {
  if (value === undefined || value === null || value === '') return null;
  const one = (v: unknown): number | null => {
    const n = typeof v === 'string' && /^\s*\d\s*$/.test(v) ? Number(v) : v;
    return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 6 ? n : null;
  };
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) return null;
  const days = list.map(one);
  if (days.some((d) => d === null)) return 'invalid';
  return [...new Set(days as number[])].sort((a, b) => a - b);
}

/** `H:MM`, `HH:MM` or `HH:MM:SS` (24 h) → minutes after midnight. */
function readClock(value: unknown): number | 'invalid' | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') return 'invalid';
  const m = /^\s*([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?\s*$/.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 'invalid';
}

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function readWebUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 500) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function readAddress(entry: Entry): string | null {
  if (typeof entry.approximate === 'string' && entry.approximate.trim().toLowerCase() === 'yes') return null;
  const formatted = lines(entry.formatted_address, 500);
  if (formatted) return formatted;
  const stateAndCode = [line(entry.state, 100), line(entry.postal_code, 40)].filter(Boolean).join(' ');
  const parts = [line(entry.address, 300), line(entry.city, 100), stateAndCode || null, line(entry.country, 100)].filter(Boolean);
  // A street is what makes an address findable: a city alone is a region, not a door.
  return line(entry.address, 300) ? cut(parts.join(', '), 500) : null;
}

/**
 * The town the group meets in, for "near me" searches: only when the entry gives the town,
 * a two-letter country code and a position (the meeting's own, close enough for distance).
 */
function readPlace(entry: Entry): FoundGroupInput['place'] | undefined {
  const number = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN);
  const latitude = number(entry.latitude);
  const longitude = number(entry.longitude);
  const country = typeof entry.country === 'string' ? entry.country.trim().toUpperCase() : '';
  const name = line(entry.city, 120);
  if (!name || !/^[A-Z]{2}$/.test(country) || !(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) return undefined;
  return { name, countryCode: country, latitude, longitude };
}

/** First date (`YYYY-MM-DD`) on or after today in `zone` that falls on one of `days`. */
function firstDate(days: number[], zone: string, now: number): string {
  for (let i = 0; i < 7; i += 1) {
    const date = instantToLocal(now + i * DAY, zone).slice(0, 10);
    if (days.includes(weekdayOf(date))) return date;
  }
  return instantToLocal(now, zone).slice(0, 10);
}

/** The zod issue of one of our schemas, in words, for a skip reason. */
function describeIssue(locale: Locale, issue: { path: PropertyKey[]; message: string }): Record<string, string> {
  const message = Object.hasOwn(MESSAGES.en, issue.message) ? translate(locale, issue.message as MessageKey) : issue.message;
  return { field: issue.path.map(String).join('.') || 'entry', message };
}

/** Reads one entry of a feed; duplicates across entries are the caller's to find. */
export function readEntry(raw: unknown, context: ImportContext): EntryReading {
  const { locale } = context;
  if (!isEntry(raw)) return skip('feeds.skip.notObject');
  const sourceSlug = slugOf(raw);
  if (!sourceSlug) return skip('feeds.skip.noSlug');
  const name = line(raw.name, LIMITS.groupName);
  if (!name) return skip('feeds.skip.noName');

  const days = readDays(raw.day);
  if (days === null) return skip('feeds.skip.noDay');
  if (days === 'invalid') return skip('feeds.skip.invalidDay');
  const start = readClock(raw.time);
  if (start === null) return skip('feeds.skip.noTime');
  if (start === 'invalid') return skip('feeds.skip.invalidTime');
  const own = typeof raw.timezone === 'string' && isValidTimeZone(raw.timezone.trim()) ? raw.timezone.trim() : null;
  const timeZone = own ?? context.defaultTimeZone ?? null;
  if (!timeZone) return skip('feeds.skip.timeZone');

  const end = readClock(raw.end_time);
  const length = typeof end === 'number' ? (end - start + 1440) % 1440 : DEFAULT_MINUTES;
  const durationMinutes = length >= LIMITS.sessionMinutesMin && length <= LIMITS.sessionMinutesMax ? length : DEFAULT_MINUTES;

  const types = readTypes(Array.isArray(raw.types) ? raw.types.filter((t): t is string => typeof t === 'string').map((t) => t.trim()) : [], locale);
  const address = readAddress(raw);
  const onlineUrl = readWebUrl(raw.conference_url);
  const phone = line(raw.conference_phone, 200);
  const phoneNotes = line(raw.conference_phone_notes, 200);
  const dialIn = phone ? (phoneNotes && phone.length + phoneNotes.length + 3 <= 200 ? `${phone} (${phoneNotes})` : phone) : null;
  const online = Boolean(onlineUrl || dialIn);
  const inPerson = Boolean(address) && !types.temporarilyClosed;
  if (!inPerson && !online) return skip(address && types.temporarilyClosed ? 'feeds.skip.closedNoLink' : 'feeds.skip.noWayIn');
  const mode = inPerson && online ? 'hybrid' : inPerson ? 'in-person' : 'online';

  const groupNotes = lines(raw.group_notes, LIMITS.purpose);
  const notes = lines(raw.notes, LIMITS.purpose);
  const purpose = groupNotes ?? notes ?? translate(locale, 'feeds.import.purpose', { source: context.sourceLabel });
  const description = [groupNotes ? notes : null, lines(raw.location_notes, 1000)].filter(Boolean).join('\n\n');
  const topics: string[] = [];
  for (const topic of types.topics) {
    if (topics.length < LIMITS.topics && !topics.some((t) => t.toLowerCase() === topic.toLowerCase())) topics.push(cut(topic, LIMITS.topic));
  }

  const group: FoundGroupInput = {
    name,
    purpose,
    reasons: translate(locale, 'feeds.import.reasons', { source: context.sourceLabel }),
    charter: translate(locale, 'feeds.import.charter'),
    // Meetings listed in these feeds are run by their members.
    leadership: 'peer',
    structure: { membership: types.closed ? 'approval' : 'open', format: 'drop-in', rhythm: 'weekly' },
    modes: mode === 'hybrid' ? ['in-person', 'online'] : [mode],
    languages: types.languages.length > 0 ? types.languages.slice(0, LIMITS.languages) : [context.defaultLanguage ?? locale],
    timeZone,
    visibility: 'public',
    topics,
  };
  const place = inPerson ? readPlace(raw) : undefined;
  if (place) group.place = place;
  const session = {
    title: cut(name, 120),
    description: description ? cut(description, 4000) : null,
    timeZone,
    durationMinutes,
    recurrence: `FREQ=WEEKLY;BYDAY=${days.map((d) => BYDAY[d]).join(',')}`,
    mode,
    location: line(raw.location, 200),
    address: inPerson ? address : null,
    accessibility: types.access.length > 0 ? types.access.join('. ') : null,
    onlineUrl,
    dialIn,
  } satisfies Omit<ScheduleSessionInput, 'start'>;
  const startLocal = `${firstDate(days, timeZone, context.now)}T${clock(start)}`;

  // The same checks as the API's: anything they refuse is reported, never half-imported.
  const checkedGroup = FoundGroupBody.safeParse(group);
  if (!checkedGroup.success) return skip('feeds.skip.invalid', describeIssue(locale, checkedGroup.error.issues[0]!));
  const checkedSession = ScheduleSessionBody.safeParse({ ...session, start: startLocal });
  if (!checkedSession.success) return skip('feeds.skip.invalid', describeIssue(locale, checkedSession.error.issues[0]!));

  const hash = createHash('sha256').update(JSON.stringify({ group, session })).digest('hex');
  return { ok: true, plan: { sourceSlug, group, session, start: startLocal, hash } };
}

/** A skip reason as the report shows it, in the admin's language. */
export function reasonText(locale: Locale, reading: Extract<EntryReading, { ok: false }>): string {
  return translate(locale, reading.reason, reading.params);
}
