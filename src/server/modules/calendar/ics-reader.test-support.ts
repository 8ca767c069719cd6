/**
 * Reading our calendars back the way a client would, with ical.js, for the tests: parse,
 * then expand each series (RRULE, EXDATE, RECURRENCE-ID overrides) on its VTIMEZONE.
 */
import ICAL from 'ical.js';
import { expect } from 'vitest';

const DAY = 86_400_000;

export interface ReadOccurrence {
  uid: string;
  /** Instants, UTC milliseconds. */
  start: number;
  end: number;
  /** The RECURRENCE-ID of an overridden occurrence, as ical.js prints it. */
  recurrenceId?: string;
}

/** Parses a calendar after checking its framing: CRLF only, lines of at most 75 octets. */
export function readCalendar(text: string): ICAL.Component {
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  return new ICAL.Component(ICAL.parse(text));
}

/** Every VEVENT must have a UID and a DTSTAMP, and each zoned time a VTIMEZONE in the file. */
export function checkEvents(calendar: ICAL.Component): void {
  const zones = new Set(calendar.getAllSubcomponents('vtimezone').map((z) => String(z.getFirstPropertyValue('tzid'))));
  for (const event of calendar.getAllSubcomponents('vevent')) {
    expect(event.getFirstPropertyValue('uid')).toBeTruthy();
    expect(event.getFirstProperty('dtstamp')?.toICALString()).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    for (const name of ['dtstart', 'dtend', 'recurrence-id', 'exdate']) {
      for (const property of event.getAllProperties(name)) {
        const tzid = property.getParameter('tzid');
        // Never floating, never UTC: local wall time on a named, defined clock.
        expect(tzid, `${name} without TZID`).toBeTruthy();
        expect(zones.has(String(tzid)), `no VTIMEZONE for ${String(tzid)}`).toBe(true);
      }
    }
  }
}

/** The occurrences a client would show in [from, to), every series of the calendar expanded. */
export function expandCalendar(calendar: ICAL.Component, from: number, to: number): ReadOccurrence[] {
  const vevents = calendar.getAllSubcomponents('vevent');
  const out: ReadOccurrence[] = [];
  for (const master of vevents.filter((v) => !v.hasProperty('recurrence-id'))) {
    const uid = String(master.getFirstPropertyValue('uid'));
    const overrides = vevents.filter((v) => v.hasProperty('recurrence-id') && v.getFirstPropertyValue('uid') === uid).map((v) => new ICAL.Event(v));
    const event = new ICAL.Event(master, { exceptions: overrides });
    if (!event.isRecurring()) {
      const start = event.startDate.toUnixTime() * 1000;
      if (start >= from && start < to) out.push({ uid, start, end: event.endDate.toUnixTime() * 1000 });
      continue;
    }
    const iterator = event.iterator();
    // A moved occurrence can come from well outside the window.
    for (let next = iterator.next(); next && next.toUnixTime() * 1000 < to + 60 * DAY; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      const start = details.startDate.toUnixTime() * 1000;
      if (start < from || start >= to) continue;
      out.push({
        uid,
        start,
        end: details.endDate.toUnixTime() * 1000,
        ...(details.item !== event ? { recurrenceId: details.recurrenceId.toString() } : {}),
      });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.uid.localeCompare(b.uid));
}

/** The text of one property of the VEVENTs with this UID (masters first). */
export function eventValues(calendar: ICAL.Component, uid: string, property: string): string[] {
  return calendar
    .getAllSubcomponents('vevent')
    .filter((v) => v.getFirstPropertyValue('uid') === uid)
    .sort((a, b) => Number(a.hasProperty('recurrence-id')) - Number(b.hasProperty('recurrence-id')))
    .map((v) => String(v.getFirstPropertyValue(property) ?? ''));
}

/** RFC 5545 TEXT unescaping, for properties ical.js does not know the type of. */
export function unescapeText(raw: string): string {
  return raw.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
