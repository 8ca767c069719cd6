/**
 * "Meets between these hours, my time" across clock changes, with viewers in zones whose
 * offsets are not whole hours. The search runs through a directory service built over the
 * test database at the instants each test names (the HTTP route reads the app's fixed clock).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instantToLocal } from '../../../shared/zoned-time.ts';
import { testDialects } from '../../../../tests/support/databases.ts';
import { completeGroup, ORIGIN, startTestApp, type Caller, type TestClient } from '../../../../tests/support/http.ts';
import { createEventBus } from '../../platform/events.ts';
import { createGroupsService } from '../groups/groups.service.ts';
import { createSessionsService } from '../sessions/sessions.service.ts';
import { SearchGroupsQuery } from '../../../shared/api/directory.schemas.ts';
import { createDirectoryService, type DirectoryService } from './directory.service.ts';
import { fixedClock } from '../../platform/clock.ts';

const at = (iso: string) => Date.parse(iso);

describe.each(testDialects())('time fit on $dialect', ({ open }) => {
  let t: TestClient;
  let leader: Caller;
  let directory: DirectoryService;
  let paris: { id: string; slug: string };
  let quiet: { id: string; slug: string };

  beforeEach(async () => {
    // The day before St John's clocks change (14 March 2027); tests that search at other instants pass them.
    t = await startTestApp(await open(), {}, { clock: fixedClock('2027-03-13T12:00:00Z') });
    leader = await t.signUp({ displayName: 'Leader' });
    const deps = { db: t.db.db, dialect: t.db.dialect, mailer: t.mailer, appUrl: ORIGIN, events: createEventBus(), clock: t.clock };
    const groups = createGroupsService(deps);
    const sessions = createSessionsService({ ...deps, groups });
    directory = createDirectoryService({ ...deps, groups, sessions });

    paris = (await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup({ name: 'Paris evening circle' }) })).json().group;
    quiet = (await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup({ name: 'Quiet circle' }) })).json().group;
    // Tuesdays 19:00 in Paris: 18:00 UTC in winter, 17:00 UTC from 28 March 2027.
    const res = await t.call('POST', `/api/v1/groups/${paris.slug}/sessions`, {
      as: leader,
      body: {
        title: 'Tuesday circle',
        start: '2027-01-05T19:00',
        timeZone: 'Europe/Paris',
        durationMinutes: 90,
        recurrence: 'FREQ=WEEKLY;BYDAY=TU',
        mode: 'online',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  });
  afterEach(async () => t.close());

  async function fit(now: string, params: Record<string, unknown>) {
    await directory.refreshGroup(paris.id, at(now));
    await directory.refreshGroup(quiet.id, at(now));
    const result = await directory.searchDirectory(null, SearchGroupsQuery.parse(params), at(now));
    expect(result.total).toBe(result.groups.length);
    return result;
  }
  const slugsOf = (r: Awaited<ReturnType<typeof fit>>) => r.groups.map((g) => g.slug);
  const localsOf = (r: Awaited<ReturnType<typeof fit>>) => r.groups.flatMap((g) => (g.matches ?? []).map((m) => m.localStart));

  it('America/St_Johns (−03:30, −02:30 from 14 March; Paris changes two weeks later)', async () => {
    const now = '2027-03-13T00:00:00Z';
    const mid = await fit(now, { tz: 'America/St_Johns', from: '15:00', to: '16:00' });
    expect(slugsOf(mid)).toEqual([paris.slug]);
    // While only North America has moved its clocks, 19:00 in Paris is 15:30 in St. John's…
    expect(localsOf(mid)).toEqual(['2027-03-16T15:30', '2027-03-23T15:30']);
    expect(mid.groups[0]!.matches![0]!.startsAt).toBe('2027-03-16T18:00:00.000Z');
    // …and 14:30 once Paris has moved too.
    expect(localsOf(await fit(now, { tz: 'America/St_Johns', from: '14:00', to: '15:00' }))).toEqual(['2027-03-30T14:30', '2027-04-06T14:30']);
    expect(slugsOf(await fit(now, { tz: 'America/St_Johns', from: '16:00', to: '17:00' }))).toEqual([]);
    expect(slugsOf(await fit(now, { tz: 'America/St_Johns', day: '2' }))).toEqual([paris.slug]);
    expect(slugsOf(await fit(now, { tz: 'America/St_Johns', day: '3' }))).toEqual([]);
    // A month later the 15:30 weeks are past.
    expect(slugsOf(await fit('2027-04-01T00:00:00Z', { tz: 'America/St_Johns', from: '15:00', to: '16:00' }))).toEqual([]);
  });

  it('Asia/Kathmandu (+05:45, no clock change): late on Tuesday in winter, earlier from April', async () => {
    const winter = await fit('2027-03-01T00:00:00Z', { tz: 'Asia/Kathmandu', from: '23:00', to: '01:00' });
    expect(slugsOf(winter)).toEqual([paris.slug]);
    expect(localsOf(winter)).toEqual(['2027-03-02T23:45', '2027-03-09T23:45', '2027-03-16T23:45']);
    // The window runs past midnight and belongs to the day it starts on.
    expect(slugsOf(await fit('2027-03-01T00:00:00Z', { tz: 'Asia/Kathmandu', day: '2', from: '23:00', to: '01:00' }))).toEqual([paris.slug]);
    expect(slugsOf(await fit('2027-03-01T00:00:00Z', { tz: 'Asia/Kathmandu', from: '22:30', to: '23:00' }))).toEqual([]);
    const spring = await fit('2027-03-29T00:00:00Z', { tz: 'Asia/Kathmandu', from: '22:30', to: '23:00' });
    expect(localsOf(spring)[0]).toBe('2027-03-30T22:45');
    expect(slugsOf(await fit('2027-03-29T00:00:00Z', { tz: 'Asia/Kathmandu', from: '23:00', to: '01:00' }))).toEqual([]);
  });

  it('Pacific/Chatham (+13:45, +12:45 from 4 April): Tuesday in Paris is Wednesday morning there', async () => {
    const now = '2027-03-26T00:00:00Z';
    expect(slugsOf(await fit(now, { tz: 'Pacific/Chatham', day: '3' }))).toEqual([paris.slug]);
    expect(slugsOf(await fit(now, { tz: 'Pacific/Chatham', day: '2' }))).toEqual([]);
    // Both clocks move within ten days: 06:45 for one week, 05:45 after.
    expect(localsOf(await fit(now, { tz: 'Pacific/Chatham', day: '3', from: '06:30', to: '07:00' }))).toEqual(['2027-03-31T06:45']);
    expect(localsOf(await fit(now, { tz: 'Pacific/Chatham', day: '3', from: '05:30', to: '06:00' }))).toEqual([
      '2027-04-07T05:45',
      '2027-04-14T05:45',
      '2027-04-21T05:45',
    ]);
    // The 07:45 weeks (both in winter time) are before "now".
    expect(slugsOf(await fit(now, { tz: 'Pacific/Chatham', from: '07:30', to: '08:00' }))).toEqual([]);
  });

  it('gives the next session in the viewer’s zone, and sorts by it; a group without sessions never fits', async () => {
    const result = await fit('2027-03-13T00:00:00Z', { sort: 'next', tz: 'Pacific/Chatham' });
    expect(slugsOf(result)).toEqual([paris.slug, quiet.slug]);
    expect(result.groups[0]).toMatchObject({ nextSessionAt: '2027-03-16T18:00:00.000Z', nextSessionLocal: '2027-03-17T07:45' });
    expect(result.groups[1]).toMatchObject({ nextSessionAt: null, nextSessionLocal: null });
    expect(result.groups[0]!.matches).toBeUndefined();
    expect(slugsOf(await fit('2027-03-13T00:00:00Z', { day: '0,1,2,3,4,5,6' }))).toEqual([paris.slug]);
  });

  it('leaves out cancelled occurrences and follows moved ones', async () => {
    const sessionId = (await t.call('GET', `/api/v1/groups/${paris.slug}/sessions`)).json().sessions[0].id;
    const cancel = await t.call('POST', `/api/v1/sessions/${sessionId}/occurrences/cancel`, {
      as: leader,
      body: { occurrenceStart: '2027-03-16T18:00:00.000Z' },
    });
    expect(cancel.statusCode, cancel.body).toBe(204);
    const move = await t.call('POST', `/api/v1/sessions/${sessionId}/occurrences/move`, {
      as: leader,
      body: { occurrenceStart: '2027-03-23T18:00:00.000Z', start: '2027-03-24T10:00' },
    });
    expect(move.statusCode, move.body).toBe(200);
    const result = await fit('2027-03-13T00:00:00Z', { tz: 'Europe/Paris', from: '09:00', to: '20:00' });
    expect(localsOf(result)).toEqual(['2027-03-24T10:00', '2027-03-30T19:00', '2027-04-06T19:00']);
  });

  it('rolls starts forward in the periodic job', async () => {
    await t.jobs.runDue(new Date('2027-03-13T00:00:00Z'));
    const result = await directory.searchDirectory(null, SearchGroupsQuery.parse({ tz: 'UTC', from: '17:30', to: '18:30' }), at('2027-03-13T00:00:00Z'));
    expect(result.groups.map((g) => g.slug)).toEqual([paris.slug]);
    expect(result.groups[0]!.nextSessionAt).toBe('2027-03-16T18:00:00.000Z');
  });

  it('fits through the HTTP route on the app clock', async () => {
    const tomorrow = instantToLocal(t.clock.now().getTime() + 86_400_000, 'America/St_Johns').slice(0, 10);
    const res = await t.call('POST', `/api/v1/groups/${quiet.slug}/sessions`, {
      as: leader,
      body: { title: 'Check-in', start: `${tomorrow}T19:00`, timeZone: 'America/St_Johns', durationMinutes: 60, mode: 'online' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const fits = (await t.call('GET', '/api/v1/search/groups?tz=America/St_Johns&from=18:30&to=19:30')).json();
    expect(fits.groups.map((g: { slug: string }) => g.slug)).toEqual([quiet.slug]);
    expect(fits.groups[0].matches).toEqual([{ startsAt: expect.any(String), localStart: `${tomorrow}T19:00` }]);
    expect((await t.call('GET', '/api/v1/search/groups?tz=America/St_Johns&from=19:30&to=20:00')).json().total).toBe(0);
  });
});
