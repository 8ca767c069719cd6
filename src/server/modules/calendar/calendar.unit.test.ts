import { afterEach, describe, expect, it } from 'vitest';
import { localToInstant } from '../../../shared/zoned-time.ts';
import { occurrencesOf } from '../sessions/occurrences.ts';
import { buildCalendar, occurrenceCalendar, ruleForCalendar, type CalendarException, type CalendarSession } from './calendar.ts';
import { checkEvents, eventValues, expandCalendar, readCalendar, unescapeText } from './ics-reader.test-support.ts';

const NOW = Date.UTC(2026, 10, 1);
const options = { appUrl: 'https://entraide.test', includeMembersOnly: false, locale: 'en' as const, now: NOW };

function session(overrides: Partial<CalendarSession> = {}): CalendarSession {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    group_id: 'g',
    title: 'Tuesday circle',
    description: null,
    start_local: '2027-03-02T19:00',
    time_zone: 'Europe/Paris',
    duration_minutes: 90,
    rrule: 'FREQ=WEEKLY;BYDAY=TU',
    mode: 'hybrid',
    location: 'Maison des associations',
    address: null,
    accessibility: null,
    online_url: 'https://meet.example.org/tuesday',
    dial_in: '+33 1 23 45 67 89',
    capacity: null,
    agenda: '[]',
    facilitators: '[]',
    programme_id: null,
    created_by: null,
    created_at: '2027-01-01T00:00:00.000Z',
    updated_at: '2027-01-02T00:00:00.000Z',
    group_name: 'Carers',
    ...overrides,
  };
}

const exception = (occurrence: string, status: 'cancelled' | 'moved', start_local: string | null = null): CalendarException => ({
  session_id: '00000000-0000-4000-8000-000000000001',
  occurrence,
  status,
  start_local,
  duration_minutes: null,
  created_at: '2027-01-05T00:00:00.000Z',
});

/** What our own pages list for the same rows. */
function ours(s: CalendarSession, exceptions: CalendarException[], from: number, to: number) {
  return occurrencesOf({ start: s.start_local, timeZone: s.time_zone, durationMinutes: s.duration_minutes, rule: s.rrule }, exceptions, from, to).map((o) => [
    o.startsAt,
    o.endsAt,
  ]);
}

const theirs = (text: string, from: number, to: number) => expandCalendar(readCalendar(text), from, to).map((o) => [o.start, o.end]);

describe('calendar', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = savedTz;
  });

  it('writes the same file whatever the server’s own time zone', () => {
    const rows = [session(), session({ id: '2', rrule: null, time_zone: 'Asia/Kathmandu', start_local: '2027-04-01T10:15' })];
    const outputs = ['UTC', 'Pacific/Chatham', 'America/Los_Angeles', 'Asia/Kathmandu'].map((tz) => {
      process.env.TZ = tz;
      return buildCalendar(rows, [exception('2027-03-09T19:00', 'cancelled')], options);
    });
    expect(new Set(outputs).size).toBe(1);
    expect(outputs[0]).toContain('DTSTART;TZID=Europe/Paris:20270302T190000\r\n');
    expect(outputs[0]).toContain('DTSTART;TZID=Asia/Kathmandu:20270401T101500\r\n');
  });

  it('expands, read by ical.js, to exactly our occurrences, with cancellations and moves', () => {
    const s = session();
    const exceptions = [
      exception('2027-03-09T19:00', 'cancelled'),
      exception('2027-03-30T19:00', 'moved', '2027-03-31T20:30'),
      exception('2027-05-04T19:00', 'moved', '2027-04-26T18:00'),
    ];
    const text = buildCalendar([s], exceptions, options);
    checkEvents(readCalendar(text));
    const from = Date.UTC(2027, 1, 1);
    const to = Date.UTC(2027, 11, 31);
    expect(theirs(text, from, to)).toEqual(ours(s, exceptions, from, to));
    expect(text).toContain('EXDATE;TZID=Europe/Paris:20270309T190000\r\n');
    expect(text).toContain('RECURRENCE-ID;TZID=Europe/Paris:20270330T190000\r\n');
  });

  it('starts the event at the rule’s first occurrence when the stored start is not one (RFC 5545 would count it)', () => {
    // Stored on a Tuesday, meeting on Thursdays, six times.
    const s = session({ start_local: '2027-03-02T19:00', rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=6' });
    const text = buildCalendar([s], [], options);
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20270304T190000\r\n');
    const window = [Date.UTC(2027, 0, 1), Date.UTC(2028, 0, 1)] as const;
    expect(theirs(text, ...window)).toEqual(ours(s, [], ...window));
    expect(theirs(text, ...window)).toHaveLength(6);
  });

  it('writes UNTIL in UTC, as RFC 5545 requires with a zoned start, ending where our expansion ends', () => {
    expect(ruleForCalendar('FREQ=WEEKLY;UNTIL=20270601;BYDAY=TU', 'Europe/Paris')).toBe('FREQ=WEEKLY;UNTIL=20270601T215959Z;BYDAY=TU');
    expect(ruleForCalendar('FREQ=WEEKLY;BYDAY=TU;UNTIL=20270601T190000', 'Europe/Paris')).toBe('FREQ=WEEKLY;BYDAY=TU;UNTIL=20270601T170000Z');
    expect(ruleForCalendar('FREQ=WEEKLY;BYDAY=TU;UNTIL=20270601T170000Z', 'Europe/Paris')).toBe('FREQ=WEEKLY;BYDAY=TU;UNTIL=20270601T170000Z');
    for (const rule of [
      'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270601',
      'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270601T190000',
      'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270601T165959Z',
      'FREQ=MONTHLY;BYDAY=2TU;COUNT=4',
    ]) {
      const s = session({ rrule: rule });
      const window = [Date.UTC(2027, 0, 1), Date.UTC(2028, 0, 1)] as const;
      expect(theirs(buildCalendar([s], [], options), ...window), rule).toEqual(ours(s, [], ...window));
    }
  });

  it('keeps a one-off in a DST gap where our pages put it, and marks a cancelled one-off', () => {
    // 02:30 does not exist in Paris on 28 March 2027: RFC 5545 and our pages say 03:30.
    const s = session({ rrule: null, start_local: '2027-03-28T02:30' });
    const text = buildCalendar([s], [], options);
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20270328T033000\r\n');
    expect(theirs(text, 0, Date.UTC(2030, 0, 1))).toEqual([
      [localToInstant('2027-03-28T02:30', 'Europe/Paris'), localToInstant('2027-03-28T02:30', 'Europe/Paris') + 90 * 60_000],
    ]);
    const cancelled = readCalendar(buildCalendar([s], [exception('2027-03-28T02:30', 'cancelled')], options));
    expect(eventValues(cancelled, `${s.id}@entraide`, 'status')).toEqual(['CANCELLED']);
  });

  it('escapes whatever people type, so it comes back exactly', () => {
    const title = 'Evening; circle, with \\ backslash <script>alert(1)</script> 🧡👩🏽‍🤝‍👩🏻\nsecond line\r\nthird' + ' long'.repeat(40);
    const s = session({
      title,
      description: 'Line one\nLine two; with, punctuation \\n literal',
      location: 'Salle 3; 2e étage, porte B',
      address: '1 rue X\n75001 Paris',
      group_name: 'Groupe « entraide », Paris; 12e',
    });
    const calendar = readCalendar(buildCalendar([s], [], { ...options, name: s.group_name }));
    const uid = `${s.id}@entraide`;
    expect(eventValues(calendar, uid, 'summary')).toEqual([`${title.replace(/\r\n/g, '\n')} (${s.group_name})`]);
    expect(eventValues(calendar, uid, 'description')[0]).toContain(s.description!);
    expect(eventValues(calendar, uid, 'location')).toEqual(['Salle 3; 2e étage, porte B\n1 rue X\n75001 Paris']);
    // ical.js knows neither NAME (RFC 7986) nor X-WR-CALNAME and gives their raw text: TEXT escaped.
    for (const property of ['name', 'x-wr-calname']) expect(unescapeText(String(calendar.getFirstPropertyValue(property)))).toBe(s.group_name);
  });

  it('gives the online link and dial-in only when asked to', () => {
    const hybrid = session();
    const online = session({ id: '2', mode: 'online', location: null });
    const closed = buildCalendar([hybrid, online], [], options);
    expect(closed).not.toContain('meet.example.org');
    expect(closed).not.toContain('+33 1 23');
    const open = readCalendar(buildCalendar([hybrid, online], [], { ...options, includeMembersOnly: true }));
    expect(eventValues(open, `${hybrid.id}@entraide`, 'description')[0]).toContain(
      'Join online: https://meet.example.org/tuesday\nBy phone: +33 1 23 45 67 89',
    );
    expect(eventValues(open, '2@entraide', 'location')).toEqual(['https://meet.example.org/tuesday']);
    expect(eventValues(readCalendar(closed), '2@entraide', 'location')).toEqual(['']);
  });

  it('lays the agenda out on the clock, in the reader’s language', () => {
    const s = session({
      start_local: '2027-03-02T23:40',
      agenda: JSON.stringify([
        { title: 'Welcome', minutes: 10 },
        { title: 'Round', minutes: 30 },
        { title: 'Close', minutes: 5 },
      ]),
    });
    const fr = readCalendar(buildCalendar([s], [], { ...options, locale: 'fr', includeMembersOnly: true }));
    expect(eventValues(fr, `${s.id}@entraide`, 'description')[0]).toBe(
      'Déroulé :\n23:40 Welcome (10 min)\n23:50 Round (30 min)\n00:20 Close (5 min)\n\nRejoindre en ligne : https://meet.example.org/tuesday\nPar téléphone : +33 1 23 45 67 89\n\nhttps://entraide.test/sessions/00000000-0000-4000-8000-000000000001',
    );
  });

  it('puts one occurrence in a calendar of its own, at its actual time, with the link, for reminders', () => {
    const s = session();
    const text = occurrenceCalendar(
      s,
      { occurrence: '2027-03-30T19:00', startsAt: Date.UTC(2027, 2, 31, 18, 30), endsAt: Date.UTC(2027, 2, 31, 20) },
      'Carers',
      { appUrl: options.appUrl, locale: 'en', now: NOW },
    );
    const calendar = readCalendar(text);
    checkEvents(calendar);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(1);
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20270331T203000\r\n');
    expect(text).not.toMatch(/^RRULE:FREQ=WEEKLY/m);
    expect(text).toContain('meet.example.org/tuesday');
    expect(expandCalendar(calendar, 0, Date.UTC(2030, 0, 1))).toEqual([
      { uid: `${s.id}-20270330T190000@entraide`, start: Date.UTC(2027, 2, 31, 18, 30), end: Date.UTC(2027, 2, 31, 20) },
    ]);
  });
});
