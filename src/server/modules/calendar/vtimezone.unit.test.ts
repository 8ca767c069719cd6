import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { floatingToInstant, offsetAt } from '../../../shared/zoned-time.ts';
import { transitionsOf, tzidOf, vtimezoneFor } from './vtimezone.ts';

const HOUR = 3_600_000;
const DAY = 86_400_000;
// A year (each zone's changes both ways) keeps the every-zone test quick: asking Intl for an
// offset costs ~10 µs.
const FROM = Date.UTC(2027, 0, 1);
const TO = Date.UTC(2028, 0, 1);

function icalZone(vtimezone: string): ICAL.Timezone {
  const calendar = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${vtimezone}\r\nEND:VCALENDAR`));
  return new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
}

/** The instant ical.js gives a floating wall time read on `zone`'s definition. */
function icalInstant(zone: ICAL.Timezone, floating: number): number {
  const d = new Date(floating);
  const time = new ICAL.Time(
    { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: 0, isDate: false },
    zone,
  );
  return time.toUnixTime() * 1000;
}

/**
 * Wall times to compare at: noon and 19:00 every eighth day, and the hours around each of the
 * zone's changes except those inside a gap or a repeat (there ical.js and RFC 5545 differ:
 * ical.js reads a skipped time with the later offset and a repeated time as the second one).
 */
function samples(zone: string): number[] {
  const out: number[] = [];
  for (let day = FROM; day < TO; day += 8 * DAY) out.push(day + 12 * HOUR, day + 19 * HOUR);
  for (const t of transitionsOf(zone, FROM, TO)) {
    const local = t.at + t.from * 60_000;
    for (const h of [-26, -3, -2, 2, 3, 26]) out.push(Math.floor(local / HOUR) * HOUR + h * HOUR);
  }
  return out.filter((f) => {
    const at = floatingToInstant(f, zone);
    const unambiguous = at + offsetAt(zone, at) * 60_000 === f && offsetAt(zone, at - 3 * HOUR) === offsetAt(zone, at + 3 * HOUR);
    return unambiguous;
  });
}

describe('time-zone definitions', () => {
  it('give, read by ical.js, the same instants as our own clock, in every zone the runtime knows', () => {
    const sources = new Map<string, string[]>();
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const definition = vtimezoneFor(zone, FROM, TO);
      sources.set(definition.source, [...(sources.get(definition.source) ?? []), zone]);
      const parsed = icalZone(definition.vtimezone);
      expect(parsed.tzid).toBe(definition.tzid);
      const wrong = samples(zone).filter((f) => icalInstant(parsed, f) !== floatingToInstant(f, zone));
      expect(wrong.map((f) => `${zone} ${new Date(f).toISOString()}`)).toEqual([]);
    }
    // Both paths are exercised: most zones keep the library's compact rules, the few it gets
    // wrong (or knows differently from this runtime) are written from our offsets.
    expect(sources.get('library')).toContain('Europe/Paris');
    expect(sources.get('library')).toContain('America/St_Johns');
    expect(sources.get('runtime')?.length ?? 0).toBeGreaterThan(0);
  }, 60_000);

  it('names zones by the library’s canonical spelling, which DTSTART must then use too', () => {
    expect(tzidOf('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(vtimezoneFor('Asia/Calcutta', FROM, TO).vtimezone).toContain('TZID:Asia/Kolkata\r\n');
    expect(tzidOf('UTC')).toBe('Etc/UTC');
    expect(tzidOf('Asia/Kathmandu')).toBe('Asia/Kathmandu');
  });

  it('writes a definition from our offsets that steps exactly where the zone does', () => {
    // Egypt ends summer time on the last Thursday of October at midnight; the library's
    // yearly rule says "last Friday", a week early when October ends on a Thursday (2030).
    const cairo = vtimezoneFor('Africa/Cairo', Date.UTC(2030, 0, 1), Date.UTC(2031, 0, 1));
    expect(cairo.source).toBe('runtime');
    const zone = icalZone(cairo.vtimezone);
    const lastThursday = Date.UTC(2030, 9, 31, 19, 0);
    expect(icalInstant(zone, lastThursday)).toBe(floatingToInstant(lastThursday, 'Africa/Cairo'));
    expect(new Date(floatingToInstant(lastThursday, 'Africa/Cairo')).toISOString()).toBe('2030-10-31T16:00:00.000Z');
  });

  it('finds each change to the minute', () => {
    expect(transitionsOf('Europe/Paris', Date.UTC(2027, 0, 1), Date.UTC(2028, 0, 1)).map((t) => [new Date(t.at).toISOString(), t.from, t.to])).toEqual([
      ['2027-03-28T01:00:00.000Z', 60, 120],
      ['2027-10-31T01:00:00.000Z', 120, 60],
    ]);
    expect(transitionsOf('America/St_Johns', Date.UTC(2027, 0, 1), Date.UTC(2028, 0, 1)).map((t) => new Date(t.at).toISOString())).toEqual([
      '2027-03-14T05:30:00.000Z',
      '2027-11-07T04:30:00.000Z',
    ]);
    expect(transitionsOf('Asia/Kathmandu', Date.UTC(2027, 0, 1), Date.UTC(2028, 0, 1))).toEqual([]);
  });
});
