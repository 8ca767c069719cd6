import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../tests/support/databases.ts';
import { fixedClock } from '../../platform/clock.ts';
import { completeGroup, ORIGIN, startTestApp, type Caller, type TestClient } from '../../../../tests/support/http.ts';
import { checkEvents, eventValues, expandCalendar, readCalendar, unescapeText } from './ics-reader.test-support.ts';

const weekly = {
  title: 'Tuesday circle',
  start: '2027-03-02T19:00',
  timeZone: 'Europe/Paris',
  durationMinutes: 90,
  recurrence: 'FREQ=WEEKLY;BYDAY=TU',
  mode: 'hybrid',
  location: 'Maison des associations',
  onlineUrl: 'https://meet.example.org/tuesday',
  dialIn: '+33 1 23 45 67 89',
  agenda: [
    { title: 'Welcome', minutes: 10 },
    { title: 'Check-in round', minutes: 30 },
  ],
};

interface ApiOccurrence {
  sessionId: string;
  startsAt: string;
  endsAt: string;
}

describe.each(testDialects())('calendars on $dialect', ({ open }) => {
  let t: TestClient;
  let leader: Caller;
  let member: Caller;
  let stranger: Caller;
  let slug: string;

  beforeEach(async () => {
    // Before the series these tests schedule (from January 2027), whenever the suite runs.
    t = await startTestApp(await open(), {}, { clock: fixedClock('2027-01-04T09:00:00Z') });
    leader = await t.signUp({ displayName: 'Leader' });
    member = await t.signUp({ displayName: 'Member', timeZone: 'America/Montreal', locale: 'fr' });
    stranger = await t.signUp({ displayName: 'Stranger' });
    slug = (await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup() })).json().group.slug;
    expect((await t.call('POST', `/api/v1/groups/${slug}/join`, { as: member, body: { acceptCharter: true } })).statusCode).toBe(201);
  });
  afterEach(async () => t.close());

  async function schedule(body: Record<string, unknown> = weekly, group = slug) {
    const res = await t.call('POST', `/api/v1/groups/${group}/sessions`, { as: leader, body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().session as { id: string };
  }

  async function groupCalendar(as: Caller | null = null, group = slug) {
    const res = await t.call('GET', `/api/v1/groups/${group}/calendar.ics`, { as });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${group}.ics"`);
    return res.body;
  }

  async function apiOccurrences(from: string, to: string, group = slug) {
    const res = await t.call('GET', `/api/v1/groups/${group}/occurrences?from=${from}&to=${to}`, { as: leader });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().occurrences as ApiOccurrence[]).map((o) => ({
      uid: `${o.sessionId}@entraide`,
      start: Date.parse(o.startsAt),
      end: Date.parse(o.endsAt),
    }));
  }

  async function newFeed(as: Caller) {
    const res = await t.call('POST', '/api/v1/me/calendar-feed', { as });
    expect(res.statusCode, res.body).toBe(201);
    const url: string = res.json().feed.url;
    expect(url).toMatch(new RegExp(`^${ORIGIN}/feeds/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    return url.slice(ORIGIN.length);
  }

  it('serves a public group’s calendar that ical.js expands to our own occurrences, in Paris across DST, Kathmandu and St John’s', async () => {
    const paris = await schedule();
    // St John's moves its clocks on 14 March 2027, at 02:00, half an hour off the hour.
    const stJohns = await schedule({
      title: 'Saturday evening',
      start: '2027-03-06T20:30',
      timeZone: 'America/St_Johns',
      durationMinutes: 60,
      recurrence: 'FREQ=WEEKLY;BYDAY=SA',
      mode: 'online',
    });
    const kathmandu = await schedule({
      title: 'Second Wednesday',
      start: '2027-01-13T18:15',
      timeZone: 'Asia/Kathmandu',
      durationMinutes: 75,
      recurrence: 'FREQ=MONTHLY;BYDAY=2WE',
      mode: 'online',
    });
    const once = await schedule({
      title: 'Open evening',
      start: '2027-04-22T18:00',
      timeZone: 'Europe/Paris',
      durationMinutes: 120,
      mode: 'in-person',
      location: 'Town hall',
    });

    const text = await groupCalendar();
    const calendar = readCalendar(text);
    checkEvents(calendar);
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Entraide//Sessions//EN');
    expect(
      calendar
        .getAllSubcomponents('vtimezone')
        .map((z) => z.getFirstPropertyValue('tzid'))
        .sort(),
    ).toEqual(['America/St_Johns', 'Asia/Kathmandu', 'Europe/Paris']);
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20270302T190000\r\n');
    expect(text).toContain('DTEND;TZID=Europe/Paris:20270302T203000\r\n');
    expect(text).toContain('DTSTART;TZID=America/St_Johns:20270306T203000\r\n');
    expect(text).toContain('DTSTART;TZID=Asia/Kathmandu:20270113T181500\r\n');
    expect(eventValues(calendar, `${paris.id}@entraide`, 'rrule').map(String)).toEqual(['FREQ=WEEKLY;BYDAY=TU']);
    expect(eventValues(calendar, `${paris.id}@entraide`, 'summary')).toEqual([`Tuesday circle (${completeGroup().name as string})`]);
    expect(eventValues(calendar, `${paris.id}@entraide`, 'url')).toEqual([`${ORIGIN}/sessions/${paris.id}`]);
    expect(eventValues(calendar, `${paris.id}@entraide`, 'location')).toEqual(['Maison des associations']);
    expect(eventValues(calendar, `${paris.id}@entraide`, 'description')[0]).toContain('Agenda:\n19:00 Welcome (10 min)\n19:10 Check-in round (30 min)');

    const from = '2027-01-01T00:00:00Z';
    const to = '2027-07-01T00:00:00Z';
    const ours = await apiOccurrences(from, to);
    expect(expandCalendar(calendar, Date.parse(from), Date.parse(to))).toEqual(ours);
    // The clocks changed under each series, the wall time did not.
    const startsOf = (id: string) => ours.filter((o) => o.uid === `${id}@entraide`).map((o) => new Date(o.start).toISOString());
    expect(startsOf(paris.id).slice(2, 5)).toEqual(['2027-03-16T18:00:00.000Z', '2027-03-23T18:00:00.000Z', '2027-03-30T17:00:00.000Z']);
    expect(startsOf(stJohns.id).slice(0, 3)).toEqual(['2027-03-07T00:00:00.000Z', '2027-03-14T00:00:00.000Z', '2027-03-20T23:00:00.000Z']);
    expect(startsOf(kathmandu.id).slice(0, 2)).toEqual(['2027-01-13T12:30:00.000Z', '2027-02-10T12:30:00.000Z']);
    expect(startsOf(once.id)).toEqual(['2027-04-22T16:00:00.000Z']);
  });

  it('writes a cancelled occurrence as an EXDATE and a moved one as an override, in the group’s and the session’s calendars', async () => {
    const session = await schedule();
    expect(
      (await t.call('POST', `/api/v1/sessions/${session.id}/occurrences/cancel`, { as: leader, body: { occurrenceStart: '2027-03-09T18:00:00Z' } })).statusCode,
    ).toBe(204);
    const moved = await t.call('POST', `/api/v1/sessions/${session.id}/occurrences/move`, {
      as: leader,
      body: { occurrenceStart: '2027-03-16T18:00:00Z', start: '2027-03-17T20:00', durationMinutes: 60 },
    });
    expect(moved.statusCode, moved.body).toBe(200);

    const sessionFile = await t.call('GET', `/api/v1/sessions/${session.id}/calendar.ics`, { as: member });
    expect(sessionFile.statusCode).toBe(200);
    expect(sessionFile.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(sessionFile.headers['content-disposition']).toBe('attachment; filename="tuesday-circle.ics"');

    const from = '2027-03-01T00:00:00Z';
    const to = '2027-05-01T00:00:00Z';
    const ours = await apiOccurrences(from, to);
    expect(ours.map((o) => new Date(o.start).toISOString()).slice(0, 3)).toEqual([
      '2027-03-02T18:00:00.000Z',
      '2027-03-17T19:00:00.000Z',
      '2027-03-23T18:00:00.000Z',
    ]);
    for (const text of [await groupCalendar(), sessionFile.body]) {
      const calendar = readCalendar(text);
      checkEvents(calendar);
      expect(text).toContain('EXDATE;TZID=Europe/Paris:20270309T190000\r\n');
      const uid = `${session.id}@entraide`;
      expect(calendar.getAllSubcomponents('vevent').filter((v) => v.getFirstPropertyValue('uid') === uid)).toHaveLength(2);
      expect(text).toContain('RECURRENCE-ID;TZID=Europe/Paris:20270316T190000\r\n');
      expect(text).toContain('DTSTART;TZID=Europe/Paris:20270317T200000\r\n');
      expect(text).toContain('DTEND;TZID=Europe/Paris:20270317T210000\r\n');
      const read = expandCalendar(calendar, Date.parse(from), Date.parse(to));
      expect(read.map(({ uid: u, start, end }) => ({ uid: u, start, end }))).toEqual(ours);
      expect(read[1]!.recurrenceId).toBe('2027-03-16T19:00:00');
    }
  });

  it('gives the online link and dial-in in the personal feed only, never in a group’s or a session’s file', async () => {
    const session = await schedule();
    for (const as of [null, stranger, member, leader]) {
      const text = await groupCalendar(as);
      expect(text).not.toContain('meet.example.org');
      expect(text).not.toContain('+33 1 23');
      const file = await t.call('GET', `/api/v1/sessions/${session.id}/calendar.ics`, { as });
      expect(file.statusCode).toBe(200);
      expect(file.body).not.toContain('meet.example.org');
      expect(file.body).not.toContain('+33 1 23');
    }

    const feed = await t.call('GET', await newFeed(member));
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.headers['cache-control']).toBe('private, no-store');
    expect(feed.headers['referrer-policy']).toBe('no-referrer');
    const calendar = readCalendar(feed.body);
    checkEvents(calendar);
    // In the member's language.
    expect(eventValues(calendar, `${session.id}@entraide`, 'description')[0]).toContain(
      'Rejoindre en ligne : https://meet.example.org/tuesday\nPar téléphone : +33 1 23 45 67 89',
    );
    expect(unescapeText(String(calendar.getFirstPropertyValue('x-wr-calname')))).toBe('Entraide : mes séances');
  });

  it('has calendars for public groups only: private, unlisted and draft ones answer like a missing group', async () => {
    const missing = await t.call('GET', '/api/v1/groups/no-such-group/calendar.ics');
    expect(missing.statusCode).toBe(404);
    const hidden = [
      (await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup({ name: 'Private circle', visibility: 'private' }) })).json().group,
      (await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup({ name: 'Link only', visibility: 'unlisted' }) })).json().group,
      (await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup({ name: 'Not yet', reasons: undefined }) })).json().group,
    ];
    expect(hidden.map((g: { status: string; visibility: string }) => `${g.status} ${g.visibility}`)).toEqual([
      'active private',
      'active unlisted',
      'draft public',
    ]);
    for (const group of hidden as { slug: string; status: string }[]) {
      if (group.status === 'active') await schedule({ ...weekly, title: 'Hidden' }, group.slug);
      // Even their leader: the file would travel beyond the group.
      for (const as of [null, stranger, leader]) {
        const res = await t.call('GET', `/api/v1/groups/${group.slug}/calendar.ics`, { as });
        expect(res.statusCode).toBe(404);
        expect(res.body).toBe(missing.body);
      }
    }
    expect((await t.call('GET', '/api/v1/groups/NOT_A_SLUG/calendar.ics')).statusCode).toBe(400);
  });

  it('gives a session’s file to whoever may see the session, and a 404 like a missing one otherwise', async () => {
    const priv = (await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup({ name: 'Private circle', visibility: 'private' }) })).json().group
      .slug;
    const session = await schedule(weekly, priv);
    for (const as of [null, stranger, member]) {
      const missing = await t.call('GET', '/api/v1/sessions/00000000-0000-4000-8000-000000000000/calendar.ics', { as });
      expect(missing.statusCode).toBe(404);
      const res = await t.call('GET', `/api/v1/sessions/${session.id}/calendar.ics`, { as });
      expect(res.statusCode).toBe(404);
      expect(res.body).toBe(missing.body);
    }
    const own = await t.call('GET', `/api/v1/sessions/${session.id}/calendar.ics`, { as: leader });
    expect(own.statusCode).toBe(200);
    expect(own.headers['cache-control']).toBe('private, no-cache');
    expect(own.body).not.toContain('meet.example.org');
    expect((await t.call('GET', '/api/v1/sessions/not-a-uuid/calendar.ics')).statusCode).toBe(400);
  });

  it('follows membership at each fetch, and shuts the old URL when a new one is made or the feed revoked', async () => {
    expect((await t.call('POST', '/api/v1/me/calendar-feed')).statusCode).toBe(401);
    expect((await t.call('DELETE', '/api/v1/me/calendar-feed')).statusCode).toBe(401);
    const session = await schedule();
    const other = (await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup({ name: 'Second group' }) })).json().group.slug;
    const second = await schedule({ ...weekly, title: 'Thursday circle', recurrence: 'FREQ=WEEKLY;BYDAY=TH', start: '2027-03-04T19:00' }, other);
    await t.call('POST', `/api/v1/groups/${other}/join`, { as: member, body: { acceptCharter: true } });

    expect((await t.call('GET', '/api/v1/me/calendar-feed')).statusCode).toBe(401);
    expect((await t.call('GET', '/api/v1/me/calendar-feed', { as: member })).json()).toEqual({ feed: { active: false, createdAt: null } });
    const first = await newFeed(member);
    const described = (await t.call('GET', '/api/v1/me/calendar-feed', { as: member })).json().feed;
    expect(described.active).toBe(true);
    expect(JSON.stringify(described)).not.toContain(first.slice('/feeds/calendar/'.length, -'.ics'.length));
    const uids = async (path: string) => {
      const res = await t.call('GET', path);
      expect(res.statusCode, res.body).toBe(200);
      const calendar = readCalendar(res.body);
      checkEvents(calendar);
      return [...new Set(calendar.getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid'))))].sort();
    };
    expect(await uids(first)).toEqual([`${session.id}@entraide`, `${second.id}@entraide`].sort());
    // Only the hash of the secret is kept.
    const token = first.slice('/feeds/calendar/'.length, -'.ics'.length);
    const stored = await t.db.db.selectFrom('calendar_feeds').selectAll().execute();
    expect(stored.map((r) => [r.id, r.user_id])).toEqual([[createHash('sha256').update(token).digest('hex'), member.userId]]);

    expect((await t.call('POST', `/api/v1/groups/${slug}/leave`, { as: member })).statusCode).toBe(204);
    expect(await uids(first)).toEqual([`${second.id}@entraide`]);

    const unknown = await t.call('GET', '/feeds/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['cache-control']).toBe('private, no-store');
    expect(unknown.headers['referrer-policy']).toBe('no-referrer');

    const rotated = await newFeed(member);
    expect(rotated).not.toBe(first);
    const old = await t.call('GET', first);
    expect(old.statusCode).toBe(404);
    expect(old.body).toBe(unknown.body);
    expect(await uids(rotated)).toEqual([`${second.id}@entraide`]);

    expect((await t.call('DELETE', '/api/v1/me/calendar-feed', { as: member })).statusCode).toBe(204);
    expect((await t.call('GET', rotated)).statusCode).toBe(404);
    expect(await t.db.db.selectFrom('calendar_feeds').selectAll().execute()).toEqual([]);
    expect((await t.call('GET', '/api/v1/me/calendar-feed', { as: member })).json().feed.active).toBe(false);
    expect((await t.call('GET', '/feeds/calendar/not*a*token.ics')).statusCode).toBe(400);
    // Longer than any token: refused before it is looked up (the router stops at 200 characters).
    const long = await t.call('GET', `/feeds/calendar/${'a'.repeat(201)}.ics`);
    expect([400, 414]).toContain(long.statusCode);
  });

  it('escapes hostile text so that every title comes back exactly', async () => {
    const name = 'Entraide; « Paris », \\ 🧡 <b>bold</b>';
    const group = (await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup({ name }) })).json().group.slug;
    const titles = [
      '<script>alert("x")</script>',
      'Semi;colon, comma \\ backslash \\n not a newline',
      '🧡 Cercle du soir 👩🏽‍🤝‍👩🏻 ensemble',
      'Très long titre accentué '.repeat(4).slice(0, 120),
      'x'.repeat(120),
    ];
    const description = 'First line\nSecond; line, with \\ and \r\nWindows line\n\n<img src=x onerror=alert(1)>';
    const ids: string[] = [];
    for (const title of titles) {
      ids.push(
        (await schedule({ ...weekly, title, description, location: 'Salle 3; 2e, porte B', agenda: [{ title: 'Tour; de, table \\', minutes: 20 }] }, group)).id,
      );
    }
    // A title is one line: the API refuses line breaks before any calendar sees them.
    expect((await t.call('POST', `/api/v1/groups/${group}/sessions`, { as: leader, body: { ...weekly, title: 'Two\nlines' } })).statusCode).toBe(400);

    const text = await groupCalendar(null, group);
    const calendar = readCalendar(text);
    checkEvents(calendar);
    expect(unescapeText(String(calendar.getFirstPropertyValue('x-wr-calname')))).toBe(name);
    titles.forEach((title, i) => {
      const uid = `${ids[i]}@entraide`;
      expect(eventValues(calendar, uid, 'summary')).toEqual([`${title} (${name})`]);
      const read = eventValues(calendar, uid, 'description')[0]!;
      expect(read.startsWith(`${description.replace(/\r\n/g, '\n')}\n\nAgenda:\n19:00 Tour; de, table \\ (20 min)\n\n`)).toBe(true);
      expect(eventValues(calendar, uid, 'location')).toEqual(['Salle 3; 2e, porte B']);
    });
  });

  it('documents the calendar routes in OpenAPI', async () => {
    const paths = Object.keys((await t.call('GET', '/api/openapi.json')).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/groups/{slug}/calendar.ics',
        '/api/v1/sessions/{id}/calendar.ics',
        '/api/v1/me/calendar-feed',
        '/feeds/calendar/{token}.ics',
      ]),
    );
  });
});
