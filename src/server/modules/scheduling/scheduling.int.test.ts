import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../tests/support/databases.ts';
import { fixedClock } from '../../platform/clock.ts';
import { completeGroup, startTestApp, type Caller, type TestClient } from '../../../../tests/support/http.ts';

type Window = { day: number; start: string; end: string };
type Excluded = { userId: string; displayName: string; timeZone: string; localTime: string; weeksAvailable: number };
type Slot = {
  startsAt: string;
  localStart: string;
  day: number;
  start: string;
  viewerLocalStart: string;
  available: number;
  total: number;
  partial: number;
  atBadHours: number;
  excluded: Excluded[];
  excludedCount: number;
};

describe.each(testDialects())('scheduling on $dialect', ({ open }) => {
  let t: TestClient;
  let leader: Caller;
  let member: Caller;
  let stranger: Caller;
  let slug: string;

  beforeEach(async () => {
    // Before the weeks these tests plan (from January 2027), whenever the suite runs.
    t = await startTestApp(await open(), {}, { clock: fixedClock('2027-01-04T09:00:00Z') });
    leader = await t.signUp({ displayName: 'Léa (leader)', timeZone: 'Europe/Paris' });
    member = await t.signUp({ displayName: 'Chen', timeZone: 'Asia/Shanghai' });
    stranger = await t.signUp({ displayName: 'Stranger' });
    slug = (await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup() })).json().group.slug;
    await t.call('POST', `/api/v1/groups/${slug}/join`, { as: member, body: { acceptCharter: true } });
  });
  afterEach(async () => t.close());

  async function state(as: Caller, timeZone: string, windows: Window[], extra: Record<string, unknown> = {}) {
    const res = await t.call('PUT', '/api/v1/me/availability', { as, body: { timeZone, windows, ...extra } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().availability;
  }

  async function join(displayName: string, timeZone: string) {
    const person = await t.signUp({ displayName, timeZone });
    await t.call('POST', `/api/v1/groups/${slug}/join`, { as: person, body: { acceptCharter: true } });
    return person;
  }

  const finder = (query: string, as: Caller | null = leader) => t.call('GET', `/api/v1/groups/${slug}/time-finder?${query}`, { as });

  describe('availability', () => {
    it('is stated in one’s own zone, merged, read back, and withdrawn', async () => {
      expect((await t.call('GET', '/api/v1/me/availability', { as: member })).json()).toEqual({ availability: null });
      const saved = await state(
        member,
        'Asia/Shanghai',
        [
          { day: 2, start: '20:00', end: '22:00' },
          { day: 2, start: '19:00', end: '20:30' },
          { day: 6, start: '22:00', end: '02:00' },
          { day: 1, start: '00:00', end: '24:00' },
        ],
        { languages: ['zh-Hans', 'en'], modes: ['online'] },
      );
      expect(saved).toMatchObject({
        timeZone: 'Asia/Shanghai',
        windows: [
          { day: 1, start: '00:00', end: '24:00' },
          { day: 2, start: '19:00', end: '22:00' },
          { day: 6, start: '22:00', end: '02:00' },
        ],
        languages: ['zh-Hans', 'en'],
        modes: ['online'],
      });
      const read = await t.call('GET', '/api/v1/me/availability', { as: member });
      expect(read.json().availability).toEqual(saved);
      // Languages and modes left out keep their values; null clears the modes.
      const again = await state(member, 'Asia/Shanghai', [], { modes: null });
      expect(again).toMatchObject({ windows: [], languages: ['zh-Hans', 'en'], modes: null });
      expect((await t.call('DELETE', '/api/v1/me/availability', { as: member })).statusCode).toBe(204);
      expect((await t.call('GET', '/api/v1/me/availability', { as: member })).json()).toEqual({ availability: null });
    });

    it('needs a signed-in person, and a same-origin write', async () => {
      expect((await t.call('GET', '/api/v1/me/availability')).statusCode).toBe(401);
      expect((await t.call('PUT', '/api/v1/me/availability', { body: { timeZone: 'UTC', windows: [] } })).statusCode).toBe(401);
      expect((await t.call('DELETE', '/api/v1/me/availability')).statusCode).toBe(401);
      const foreign = await t.call('PUT', '/api/v1/me/availability', {
        as: member,
        body: { timeZone: 'UTC', windows: [] },
        headers: { origin: 'https://evil.example' },
      });
      expect(foreign.statusCode).toBe(403);
    });

    it('validates every window and field, each issue with its path', async () => {
      const res = await t.call('PUT', '/api/v1/me/availability', {
        as: member,
        body: {
          timeZone: 'Mars/Olympus',
          windows: [
            { day: 7, start: '18:00', end: '20:00' },
            { day: 1, start: '18:10', end: '20:00' },
            { day: 1, start: '18:00', end: '25:00' },
            { day: 1, start: '18:00', end: '18:00' },
            { day: 1, start: '24:00', end: '02:00' },
            { day: 1.5, start: 18, end: null },
          ],
          languages: ['not a tag', 'en', 'EN'],
          modes: ['telepathy'],
        },
      });
      expect(res.statusCode).toBe(400);
      const paths = res.json().error.issues.map((i: { path: string }) => i.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'timeZone',
          'windows.0.day',
          'windows.1.start',
          'windows.2.end',
          'windows.3.end',
          'windows.4.start',
          'windows.5.day',
          'windows.5.start',
          'windows.5.end',
          'languages.0',
          'modes.0',
        ]),
      );
      expect(paths).toContain('languages');
      const tooMany = await t.call('PUT', '/api/v1/me/availability', {
        as: member,
        body: { timeZone: 'UTC', windows: Array.from({ length: 51 }, () => ({ day: 1, start: '10:00', end: '11:00' })) },
      });
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json().error.issues[0].path).toBe('windows');
      for (const body of [
        'null',
        '[]',
        '{"timeZone":"UTC","windows":"all week"}',
        '{"timeZone":"UTC","windows":[{"day":"1","start":"10:00","end":"11:00"}]}',
      ]) {
        const bad = await t.call('PUT', '/api/v1/me/availability', { as: member, body });
        expect(bad.statusCode, body).toBe(400);
      }
      const french = await t.signUp({ locale: 'fr' });
      const fr = await t.call('PUT', '/api/v1/me/availability', { as: french, body: { timeZone: 'UTC', windows: [{ day: 1, start: '10:10', end: '11:00' }] } });
      expect(fr.json().error.issues[0].message).toMatch(/quart d’heure/);
    });
  });

  describe('time finder', () => {
    let raj: Caller;
    let ana: Caller;
    let lee: Caller;

    // Four regions. Tuesday 12:15–13:00 in Paris suits everyone but Lee in Los Angeles,
    // who can only make Tuesday evening there (Wednesday 03:00–06:00 in Paris).
    beforeEach(async () => {
      raj = await join('Raj', 'Asia/Kathmandu');
      ana = await join('Ana', 'America/Sao_Paulo');
      lee = await join('Lee', 'America/Los_Angeles');
      await state(leader, 'Europe/Paris', [
        { day: 2, start: '12:00', end: '15:00' },
        { day: 2, start: '18:00', end: '22:00' },
      ]);
      await state(member, 'Asia/Shanghai', [{ day: 2, start: '19:00', end: '23:00' }]);
      await state(raj, 'Asia/Kathmandu', [{ day: 2, start: '17:00', end: '21:00' }]);
      await state(ana, 'America/Sao_Paulo', [{ day: 2, start: '08:00', end: '12:00' }]);
      await state(lee, 'America/Los_Angeles', [{ day: 2, start: '18:00', end: '21:00' }]);
    });

    it('ranks the week’s slots and shows whom each excludes, at what time on their own clock', async () => {
      const res = await finder('from=2027-01-11&weeks=2&durationMinutes=60&zone=Asia/Shanghai');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.period).toEqual({ timeZone: 'Europe/Paris', from: '2027-01-11', weeks: 2, durationMinutes: 60 });
      expect(body.total).toBe(5);
      expect(body.slots).toHaveLength(20);
      const best: Slot = body.slots[0];
      expect(best).toMatchObject({
        startsAt: '2027-01-12T11:15:00.000Z',
        localStart: '2027-01-12T12:15',
        day: 2,
        start: '12:15',
        viewerLocalStart: '2027-01-12T19:15',
        available: 4,
        total: 5,
        partial: 0,
        atBadHours: 0,
        excludedCount: 1,
      });
      expect(best.excluded).toEqual([
        { userId: lee.userId, displayName: 'Lee', timeZone: 'America/Los_Angeles', localTime: '2027-01-12T03:15', weeksAvailable: 0 },
      ]);
      // Ties on attendance go to fewer people at bad hours: 13:15 would end after 21:00 for Chen.
      expect(body.slots.slice(0, 4).map((s: Slot) => s.start)).toEqual(['12:15', '12:30', '12:45', '13:00']);
      expect(body.slots.find((s: Slot) => s.start === '13:15')).toMatchObject({ available: 4, atBadHours: 1 });
      expect(body.slots.map((s: Slot) => s.available)).toEqual([...body.slots.map((s: Slot) => s.available)].sort((a: number, b: number) => b - a));
      // Display names only: nobody's address.
      for (const p of [leader, member, raj, ana, lee]) expect(res.body).not.toContain(p.email);
    });

    it('proposes a rotation that reaches everyone, with each member’s share of bad hours', async () => {
      const body = (await finder('from=2027-01-11&weeks=2&durationMinutes=60')).json();
      expect(body.rotation.map((r: { localStart: string }) => r.localStart)).toEqual(['2027-01-12T12:15', '2027-01-13T03:00']);
      expect(body.rotation[0].covers.sort()).toEqual([leader.userId, member.userId, raj.userId, ana.userId].sort());
      expect(body.rotation[1]).toMatchObject({ covers: [lee.userId], badHoursFor: [], startsAt: '2027-01-13T02:00:00.000Z' });
      expect(body.fairness).toMatchObject({ badHours: { before: '08:00', after: '21:00' }, optimal: true, uncovered: [] });
      expect(body.fairness.shares).toHaveLength(5);
      for (const share of body.fairness.shares) expect(share).toMatchObject({ sessions: 1, badHours: 0, badHourShare: 0 });
    });

    it('keeps to slots the must-have people can attend, and says who is then left out', async () => {
      const body = (await finder(`from=2027-01-11&weeks=2&durationMinutes=60&mustHave=${leader.userId}`)).json();
      expect(body.slots.every((s: Slot) => s.day === 2 && ((s.start >= '12:00' && s.start <= '14:00') || (s.start >= '18:00' && s.start <= '21:00')))).toBe(
        true,
      );
      expect(body.rotation.map((r: { localStart: string }) => r.localStart)).toEqual(['2027-01-12T12:15']);
      expect(body.fairness.uncovered).toEqual([{ userId: lee.userId, displayName: 'Lee' }]);
      expect(body.fairness.shares.find((s: { userId: string }) => s.userId === lee.userId).badHourShare).toBeNull();
      expect(body.heatmap.mustHaveMissing[2 * 96 + 12 * 4 + 1]).toBe(0);
      expect(body.heatmap.mustHaveMissing[3 * 96 + 12]).toBe(1);
      // The same list twice, or as repeated parameters, means the same.
      const repeated = (await finder(`from=2027-01-11&weeks=2&durationMinutes=60&mustHave=${leader.userId}&mustHave=${member.userId}`)).json();
      expect(repeated.mustHave.userIds.sort()).toEqual([leader.userId, member.userId].sort());
    });

    it('returns the whole week as a heat map, in the group’s zone and the viewer’s', async () => {
      const body = (await finder('from=2027-01-11&weeks=2&durationMinutes=60&zone=America/Los_Angeles')).json();
      const { heatmap } = body;
      expect(heatmap).toMatchObject({ timeZone: 'Europe/Paris', stepMinutes: 15 });
      for (const list of [heatmap.available, heatmap.partial, heatmap.mustHaveMissing, heatmap.viewer.available]) expect(list).toHaveLength(672);
      expect(heatmap.available[2 * 96 + 49]).toBe(4);
      // Los Angeles is nine hours behind Paris in January.
      expect(heatmap.viewer).toMatchObject({ timeZone: 'America/Los_Angeles', shiftMinutes: -540 });
      expect(heatmap.viewer.available[2 * 96 + 49 - 36]).toBe(4);
      expect(body.slots[0].viewerLocalStart).toBe('2027-01-12T03:15');
    });

    it('counts the weeks a slot drops someone when clocks change on other dates', async () => {
      const nyc = await join('Sam', 'America/New_York');
      // Tuesday 13:00–14:30 in New York: Paris 19:00 is 13:00 there, except the two weeks in
      // March 2027 when the US has moved its clocks and Europe has not (then 14:00).
      await state(nyc, 'America/New_York', [{ day: 2, start: '13:00', end: '14:30' }]);
      const body = (await finder('from=2027-03-08&weeks=4&durationMinutes=60&limit=100')).json();
      const at1900 = body.slots.find((s: Slot) => s.day === 2 && s.start === '19:00');
      expect(at1900).toBeDefined();
      expect(at1900.excluded.find((e: Excluded) => e.userId === nyc.userId)).toMatchObject({
        weeksAvailable: 2,
        localTime: '2027-03-09T13:00',
        timeZone: 'America/New_York',
      });
      expect(body.heatmap.partial[2 * 96 + 76]).toBe(1);
    });

    it('filters to members who take part online, or who follow a language', async () => {
      await state(ana, 'America/Sao_Paulo', [{ day: 2, start: '08:00', end: '12:00' }], { modes: ['in-person'], languages: ['pt-BR'] });
      await state(raj, 'Asia/Kathmandu', [{ day: 2, start: '17:00', end: '21:00' }], { modes: ['online', 'in-person'], languages: ['ne', 'en'] });
      expect((await finder('from=2027-01-11&onlineOnly=true')).json().total).toBe(4);
      const english = (await finder('from=2027-01-11&language=en-GB')).json();
      expect(english.total).toBe(4);
      expect(english.fairness.shares.map((s: { userId: string }) => s.userId)).not.toContain(ana.userId);
    });

    it('lists the members who have not stated their availability', async () => {
      const quiet = await join('Quiet', 'Africa/Lagos');
      const body = (await finder(`from=2027-01-11&mustHave=${quiet.userId}`)).json();
      expect(body.withoutAvailability).toEqual([{ userId: quiet.userId, displayName: 'Quiet' }]);
      expect(body.mustHave.withoutAvailability).toEqual([{ userId: quiet.userId, displayName: 'Quiet' }]);
      expect(body.total).toBe(5);
    });

    it('uses the group’s today and defaults when not told', async () => {
      const res = await finder('');
      expect(res.statusCode).toBe(200);
      expect(res.json().period).toMatchObject({ weeks: 4, durationMinutes: 90 });
      expect(res.json().period.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it('is for leaders only: 401 signed out, 403 member or outsider, 404 for a private group as for a missing one', async () => {
      expect((await finder('', null)).statusCode).toBe(401);
      expect((await finder('', member)).statusCode).toBe(403);
      expect((await finder('', stranger)).statusCode).toBe(403);
      const priv = (await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup({ name: 'Private circle', visibility: 'private' }) })).json().group
        .slug;
      const hidden = await t.call('GET', `/api/v1/groups/${priv}/time-finder`, { as: stranger });
      const missing = await t.call('GET', '/api/v1/groups/no-such-group/time-finder', { as: stranger });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.body).toBe(missing.body);
      expect((await t.call('GET', `/api/v1/groups/${priv}/time-finder`, { as: leader })).statusCode).toBe(200);
    });

    it('validates the query, each issue with its path, and never answers 500', async () => {
      const res = await finder('durationMinutes=10&weeks=13&from=2027-02-30&zone=Mars/Olympus&mustHave=nope&limit=0&onlineOnly=maybe&language=x');
      expect(res.statusCode).toBe(400);
      expect(
        res
          .json()
          .error.issues.map((i: { path: string }) => i.path)
          .sort(),
      ).toEqual(
        ['query.durationMinutes', 'query.weeks', 'query.from', 'query.zone', 'query.mustHave.0', 'query.limit', 'query.onlineOnly', 'query.language'].sort(),
      );
      const outsider = await finder(`mustHave=${member.userId},${stranger.userId}`);
      expect(outsider.statusCode).toBe(400);
      expect(outsider.json().error.issues).toEqual([{ path: 'query.mustHave.1', message: expect.any(String) }]);
      for (const q of [
        'durationMinutes=abc',
        'weeks=1e400',
        'from=1999-12-31',
        'from=2100-01-01',
        'durationMinutes=',
        `mustHave=${'a,'.repeat(60)}`,
        'from=2027-01-11&from=2027-01-12',
        'zone=%00',
        'limit=-1',
      ]) {
        const bad = await finder(q);
        expect(bad.statusCode, q).toBe(400);
      }
      expect((await finder('from=2027-01-11&weeks=12&durationMinutes=240&zone=Pacific/Kiritimati')).statusCode).toBe(200);
    });

    it('is documented in the OpenAPI description', async () => {
      const doc = await t.call('GET', '/api/openapi.json');
      expect(doc.statusCode).toBe(200);
      const paths = Object.keys(doc.json().paths);
      for (const p of [
        '/api/v1/me/availability',
        '/api/v1/groups/{slug}/time-finder',
        '/api/v1/groups/{slug}/time-finder/apply',
        '/api/v1/groups/{slug}/polls',
        '/api/v1/polls/{id}',
        '/api/v1/polls/{id}/vote',
        '/api/v1/polls/{id}/close',
      ]) {
        expect(paths).toContain(p);
      }
    });
  });

  describe('apply', () => {
    const apply = (body: unknown, as: Caller | null = leader, target = slug) => t.call('POST', `/api/v1/groups/${target}/time-finder/apply`, { as, body });
    const occurrences = async (from: string, to: string) =>
      (await t.call('GET', `/api/v1/groups/${slug}/occurrences?from=${from}&to=${to}`, { as: leader }))
        .json()
        .occurrences.map((o: { localStart: string; title: string }) => o.localStart);

    it('creates one weekly session per chosen time', async () => {
      const res = await apply({
        slots: [
          { day: 2, start: '19:00' },
          { day: 6, start: '10:30' },
        ],
        durationMinutes: 90,
        title: 'Circle',
        mode: 'online',
        onlineUrl: 'https://meet.example.org/c',
        startDate: '2027-03-01',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().sessions.map((s: { start: string; recurrence: string; timeZone: string }) => [s.start, s.recurrence, s.timeZone])).toEqual([
        ['2027-03-02T19:00', 'FREQ=WEEKLY;BYDAY=TU', 'Europe/Paris'],
        ['2027-03-06T10:30', 'FREQ=WEEKLY;BYDAY=SA', 'Europe/Paris'],
      ]);
      expect(res.json().sessions[0]).toMatchObject({ title: 'Circle', mode: 'online', onlineUrl: 'https://meet.example.org/c', durationMinutes: 90 });
      expect(await occurrences('2027-03-01T00:00:00Z', '2027-03-15T00:00:00Z')).toEqual([
        '2027-03-02T19:00',
        '2027-03-06T10:30',
        '2027-03-09T19:00',
        '2027-03-13T10:30',
      ]);
    });

    it('creates a rotation: the times take turns, one session a week', async () => {
      const res = await apply({
        slots: [
          { day: 2, start: '12:15' },
          { day: 3, start: '03:00' },
        ],
        durationMinutes: 60,
        title: 'Across continents',
        mode: 'online',
        rotation: true,
        startDate: '2027-03-01',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().sessions.map((s: { start: string; recurrence: string }) => [s.start, s.recurrence])).toEqual([
        ['2027-03-02T12:15', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU'],
        ['2027-03-10T03:00', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE'],
      ]);
      expect(await occurrences('2027-03-01T00:00:00Z', '2027-04-01T00:00:00Z')).toEqual([
        '2027-03-02T12:15',
        '2027-03-10T03:00',
        '2027-03-16T12:15',
        '2027-03-24T03:00',
        '2027-03-30T12:15',
      ]);
    });

    it('is for leaders only, and validates its fields like a session', async () => {
      const body = { slots: [{ day: 2, start: '19:00' }], durationMinutes: 90, title: 'Circle', mode: 'online' };
      expect((await apply(body, null)).statusCode).toBe(401);
      expect((await apply(body, member)).statusCode).toBe(403);
      const priv = (await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup({ name: 'Private circle', visibility: 'private' }) })).json().group
        .slug;
      const hidden = await apply(body, stranger, priv);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.body).toBe((await apply(body, stranger, 'no-such-group')).body);
      const bad = await apply({
        slots: [
          { day: 2, start: '19:05' },
          { day: 9, start: '10:00' },
        ],
        durationMinutes: 0,
        title: '',
        mode: 'carrier pigeon',
        onlineUrl: 'javascript:alert(1)',
        startDate: '2027-13-01',
        rotation: 'yes',
      });
      expect(bad.statusCode).toBe(400);
      expect(
        bad
          .json()
          .error.issues.map((i: { path: string }) => i.path)
          .sort(),
      ).toEqual(['slots.0.start', 'slots.1.day', 'durationMinutes', 'title', 'mode', 'onlineUrl', 'startDate', 'rotation'].sort());
      const twice = await apply({
        ...body,
        slots: [
          { day: 2, start: '19:00' },
          { day: 2, start: '19:00' },
        ],
      });
      expect(twice.json().error.issues[0].path).toBe('slots');
      expect((await apply({ ...body, slots: [] })).statusCode).toBe(400);
    });
  });
});
