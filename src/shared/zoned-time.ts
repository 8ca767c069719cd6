/**
 * Wall-clock times in IANA zones, without trusting the process's own zone.
 *
 * A "local" time is `YYYY-MM-DDTHH:MM` read on a clock in `zone`. Turning one into an instant
 * follows RFC 5545 §3.3.5: a time that does not exist (the clock jumps over it) moves forward
 * by the length of the gap (02:30 → 03:30); a time that exists twice (the clock falls back)
 * means its first occurrence.
 */
import { IANAZone } from 'luxon';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const MINUTE = 60_000;
const DAY = 86_400_000;

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** Parses `YYYY-MM-DDTHH:MM`; null unless it names a real calendar date and time. */
export function parseLocal(text: string): LocalParts | null {
  const m = LOCAL.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || hour > 23 || minute > 59) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day, hour, minute };
}

/** The wall time as if it were UTC: "floating" milliseconds, handy for calendar arithmetic. */
export function floatingMs(p: LocalParts): number {
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DDTHH:MM` from floating milliseconds. */
export function formatFloating(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const zones = new Map<string, IANAZone>();
function zoneOf(name: string): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    zone = IANAZone.create(name);
    if (!zone.isValid) throw new RangeError(`Unknown time zone: ${name}`);
    zones.set(name, zone);
  }
  return zone;
}

interface DayOffsets {
  /** Offset (minutes) at the start of the UTC day, and from `switchAt` on (if it changes). */
  before: number;
  after: number;
  switchAt: number;
}

const dayCache = new Map<string, Map<number, DayOffsets>>();

/**
 * Offsets per zone and UTC day, each found once: asking Intl (through luxon) costs
 * microseconds and occurrences ask several times each. A day whose start and end offsets
 * differ has its change found to the minute by bisection. This assumes a zone changes its
 * offset at most once in a UTC day, which holds for every zone in the tz database since 1970.
 */
function dayOffsets(zone: string, day: number): DayOffsets {
  let days = dayCache.get(zone);
  if (!days) {
    days = new Map();
    dayCache.set(zone, days);
  }
  let entry = days.get(day);
  if (!entry) {
    const iana = zoneOf(zone);
    const start = day * DAY;
    const before = iana.offset(start);
    const after = iana.offset(start + DAY - MINUTE);
    let switchAt = start + DAY;
    if (before !== after) {
      let lo = start; // offset(lo) === before
      let hi = start + DAY - MINUTE; // offset(hi) === after
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
        if (iana.offset(mid) === before) lo = mid;
        else hi = mid;
      }
      switchAt = hi;
    }
    entry = { before, after, switchAt };
    if (days.size > 20_000) days.clear();
    days.set(day, entry);
  }
  return entry;
}

/** The zone's offset from UTC, in minutes, at an instant. */
export function offsetAt(zone: string, instantMs: number): number {
  const entry = dayOffsets(zone, Math.floor(instantMs / DAY));
  return instantMs < entry.switchAt ? entry.before : entry.after;
}

/** The instant (UTC ms) of a floating wall time in `zone`, by the RFC 5545 rules above. */
export function floatingToInstant(floating: number, zone: string): number {
  const before = offsetAt(zone, floating - DAY);
  const after = offsetAt(zone, floating + DAY);
  let best: number | null = null;
  for (const offset of before === after ? [before] : [before, after]) {
    const instant = floating - offset * MINUTE;
    if (offsetAt(zone, instant) === offset && (best === null || instant < best)) best = instant;
  }
  // In a gap no offset fits: read the time with the offset from before the jump, which
  // lands it the length of the gap later on the new clock.
  return best ?? floating - before * MINUTE;
}

/** The instant of a local wall time `YYYY-MM-DDTHH:MM` in `zone`. */
export function localToInstant(local: string, zone: string): number {
  const parts = parseLocal(local);
  if (!parts) throw new RangeError(`Not a local time: ${local}`);
  return floatingToInstant(floatingMs(parts), zone);
}

/** The wall time `YYYY-MM-DDTHH:MM` on a clock in `zone` at an instant. */
export function instantToLocal(instantMs: number, zone: string): string {
  return formatFloating(instantMs + offsetAt(zone, instantMs) * MINUTE);
}
