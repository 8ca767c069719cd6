/**
 * VTIMEZONE definitions that agree with the clock the rest of the server keeps. Pure.
 *
 * timezones-ical-library gives compact definitions (one yearly rule per observance), but it
 * only describes each zone's current rules and approximates some: Cairo's "last Thursday at
 * 24:00", Jerusalem's "Friday before the last Sunday", Morocco's Ramadan hour, Chile, Nuuk,
 * and its tz data may be newer or older than the runtime's (it fixes Vancouver and Edmonton
 * at summer time all year; Node 20's ICU does not). A calendar client that reads the
 * definition would then place a session an hour away from where our pages and reminders put
 * it. So each library definition is checked against our own offsets (`offsetAt`) over the
 * span the calendar covers, and where they differ the definition is written from our
 * offsets instead: one observance per actual change, no rules.
 */
import rrulePackage from 'rrule';
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';
import { offsetAt } from '../../../shared/zoned-time.ts';

const { RRule } = rrulePackage;

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface ZoneDefinition {
  /** The TZID to write in DTSTART and friends: the library's canonical name for the zone. */
  tzid: string;
  /** The VTIMEZONE component, CRLF line endings, no trailing newline. */
  vtimezone: string;
  /** Where the definition came from: the library (checked), or our own offsets. */
  source: 'library' | 'runtime';
}

let libraryZones: Set<string> | null = null;
const libraryBlocks = new Map<string, { tzid: string; vtimezone: string } | null>();

/** The library's block for a zone, or null: asking it about a zone it lacks logs an error. */
function libraryBlock(zone: string): { tzid: string; vtimezone: string } | null {
  if (libraryBlocks.has(zone)) return libraryBlocks.get(zone)!;
  libraryZones ??= new Set(tzlib_get_timezones() as string[]);
  const block = libraryZones.has(zone) ? tzlib_get_ical_block(zone) : null;
  const found =
    Array.isArray(block) && block[0] && block[1] ? { tzid: block[1].replace(/^TZID=/, ''), vtimezone: block[0].replace(/\r?\n/g, '\r\n').trim() } : null;
  libraryBlocks.set(zone, found);
  return found;
}

/** `+0530` → 330, `-0330` → -210 (seconds, if any, are ignored: no zone uses them today). */
function parseOffset(value: string): number | null {
  const m = /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(value);
  if (!m) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** `19700329T020000` as floating milliseconds. */
function parseLocalStamp(value: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

export interface Onset {
  at: number;
  from: number;
  to: number;
}

/**
 * The moments a VTIMEZONE's offset changes, up to `until`, in order; null if it has parts
 * this reader does not understand (then the definition is not trusted).
 */
function onsetsOf(vtimezone: string, since: number, until: number): Onset[] | null {
  const lines = vtimezone.replace(/\r\n[ \t]/g, '').split('\r\n');
  const onsets: Onset[] = [];
  let current: { start?: number; from?: number; to?: number; rule?: string; rdates: number[] } | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:STANDARD' || line === 'BEGIN:DAYLIGHT') {
      current = { rdates: [] };
      continue;
    }
    if (line === 'END:STANDARD' || line === 'END:DAYLIGHT') {
      if (!current || current.start === undefined || current.from === undefined || current.to === undefined) return null;
      const { start, from, to } = current;
      const floating = [start, ...current.rdates];
      if (current.rule) {
        if (!/(^|;)FREQ=YEARLY(;|$)/.test(current.rule)) return null;
        try {
          const options = RRule.parseString(current.rule);
          // Yearly rules: a year's margin finds the change in force when the span begins.
          const after = new Date(Math.max(start, since - 400 * DAY));
          floating.push(...new RRule({ ...options, dtstart: new Date(start) }).between(after, new Date(until + DAY), true).map((d) => d.getTime()));
        } catch {
          return null;
        }
      }
      // An observance's local times are read on the clock it replaces.
      for (const f of new Set(floating)) onsets.push({ at: f - from * MINUTE, from, to });
      current = null;
      continue;
    }
    if (!current) continue;
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).split(';')[0];
    const value = line.slice(colon + 1);
    if (name === 'DTSTART') current.start = parseLocalStamp(value) ?? undefined;
    else if (name === 'TZOFFSETFROM') current.from = parseOffset(value) ?? undefined;
    else if (name === 'TZOFFSETTO') current.to = parseOffset(value) ?? undefined;
    else if (name === 'RRULE') current.rule = value;
    else if (name === 'RDATE') {
      for (const v of value.split(',')) {
        const at = parseLocalStamp(v);
        if (at === null) return null;
        current.rdates.push(at);
      }
    }
  }
  return onsets.filter((o) => o.at <= until).sort((a, b) => a.at - b.at);
}

function offsetFromOnsets(onsets: Onset[], instant: number): number {
  let offset = onsets[0]?.from ?? 0;
  for (const o of onsets) {
    if (o.at > instant) break;
    offset = o.to;
  }
  return offset;
}

/** Where `zone` changes its offset in [from, to), by our clock, with the offsets either side. */
export function transitionsOf(zone: string, from: number, to: number): Onset[] {
  const out: Onset[] = [];
  let previous = offsetAt(zone, from);
  // Stepping three days at a time: since 1990 no zone has changed its offset twice within
  // six days (the closest pair, Brazil's in October 2000, is 6.96 days apart). `offsetAt`
  // caches per UTC day and finds a day's change to the minute (a zone changes at most once a day).
  const first = Math.floor(from / DAY) * DAY;
  for (let step = first; step < to; step += 3 * DAY) {
    if (offsetAt(zone, Math.min(step + 3 * DAY, to) - MINUTE) === previous) continue;
    for (let day = step; day < step + 3 * DAY && day < to; day += DAY) {
      const end = offsetAt(zone, day + DAY - MINUTE);
      if (end === previous) continue;
      let lo = day;
      let hi = day + DAY - MINUTE;
      if (offsetAt(zone, lo) !== previous) hi = lo;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
        if (offsetAt(zone, mid) === previous) lo = mid;
        else hi = mid;
      }
      if (hi >= from && hi < to) out.push({ at: hi, from: previous, to: end });
      previous = end;
    }
  }
  return out;
}

/** True when the library's definition gives our offset at every instant in [from, to). */
function agreesWithRuntime(zone: string, vtimezone: string, from: number, to: number): boolean {
  const onsets = onsetsOf(vtimezone, from, to);
  if (!onsets || onsets.length === 0) return false;
  // Both are step functions: equal at every point where either steps (and at the start)
  // means equal everywhere in between.
  const points = [from, ...transitionsOf(zone, from, to).map((t) => t.at), ...onsets.filter((o) => o.at >= from && o.at < to).map((o) => o.at)];
  return points.every((p) => offsetFromOnsets(onsets, p) === offsetAt(zone, p));
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');
const formatOffset = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
function formatStamp(floating: number): string {
  const d = new Date(floating);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/** A VTIMEZONE written from our own offsets: the offset at `from`, then each change until `to`. */
function runtimeVtimezone(zone: string, tzid: string, from: number, to: number): string {
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', at: number, before: number, after: number) => [
    `BEGIN:${kind}`,
    `TZOFFSETFROM:${formatOffset(before)}`,
    `TZOFFSETTO:${formatOffset(after)}`,
    `DTSTART:${formatStamp(at + before * MINUTE)}`,
    `END:${kind}`,
  ];
  const initial = offsetAt(zone, from);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${tzid}`, ...observance('STANDARD', from, initial, initial)];
  // Which side is "daylight" only matters to people reading the file; clients use the offsets.
  for (const t of transitionsOf(zone, from, to)) lines.push(...observance(t.to > t.from ? 'DAYLIGHT' : 'STANDARD', t.at, t.from, t.to));
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/** The TZID a calendar uses for `zone`: the library's canonical spelling (Asia/Calcutta → Asia/Kolkata). */
export function tzidOf(zone: string): string {
  // 'UTC' as an event's zone makes ical-generator write UTC times: never use it as a TZID.
  return libraryBlock(zone)?.tzid ?? (zone === 'UTC' ? 'Etc/UTC' : zone);
}

const cache = new Map<string, ZoneDefinition>();

/**
 * The definition of `zone` to put in a calendar whose times fall in [from, to): the library's
 * when it agrees with our offsets over that span, else one written from them. The span is
 * widened to whole years so that calendars share cached answers.
 */
export function vtimezoneFor(zone: string, from: number, to: number): ZoneDefinition {
  const fromYear = new Date(from).getUTCFullYear();
  const toYear = new Date(to - 1).getUTCFullYear() + 1;
  const key = `${zone}|${fromYear}|${toYear}`;
  let definition = cache.get(key);
  if (!definition) {
    const start = Date.UTC(fromYear, 0, 1);
    const end = Date.UTC(toYear, 0, 1);
    const library = libraryBlock(zone);
    const tzid = tzidOf(zone);
    definition =
      library && agreesWithRuntime(zone, library.vtimezone, start, end)
        ? { tzid, vtimezone: library.vtimezone, source: 'library' }
        : { tzid, vtimezone: runtimeVtimezone(zone, tzid, start, end), source: 'runtime' };
    if (cache.size > 2000) cache.clear();
    cache.set(key, definition);
  }
  return definition;
}
