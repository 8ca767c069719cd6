import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../tests/support/databases.ts';
import { fixedClock } from '../../platform/clock.ts';
import { completeGroup, startTestApp, type Caller, type TestClient } from '../../../../tests/support/http.ts';

const programme = {
  title: 'Eight weeks after a loss',
  description: 'A closed cohort.',
  parts: Array.from({ length: 8 }, (_, i) => ({
    theme: `Week ${i + 1}`,
    agenda: [
      { title: 'Check-in round', minutes: 20 },
      { title: `Theme ${i + 1}`, minutes: 50 },
    ],
  })),
};

describe.each(testDialects())('programmes on $dialect', ({ open }) => {
  let t: TestClient;
  let leader: Caller;
  let member: Caller;
  let slug: string;

  beforeEach(async () => {
    // Before the programme these tests schedule (March 2027), whenever the suite runs.
    t = await startTestApp(await open(), {}, { clock: fixedClock('2027-03-01T09:00:00Z') });
    leader = await t.signUp();
    member = await t.signUp();
    slug = (await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup({ structure: { membership: 'open', format: 'cohort' } }) })).json().group
      .slug;
    await t.call('POST', `/api/v1/groups/${slug}/join`, { as: member, body: { acceptCharter: true } });
  });
  afterEach(async () => t.close());

  it('writes a programme once and schedules it for each cohort, at the same wall time across DST', async () => {
    expect((await t.call('POST', `/api/v1/groups/${slug}/programmes`, { as: member, body: programme })).statusCode).toBe(403);
    expect((await t.call('POST', `/api/v1/groups/${slug}/programmes`, { body: programme })).statusCode).toBe(401);
    const created = await t.call('POST', `/api/v1/groups/${slug}/programmes`, { as: leader, body: programme });
    expect(created.statusCode).toBe(201);
    const { id } = created.json().programme;

    const body = { start: '2027-03-16T18:00', timeZone: 'America/St_Johns', durationMinutes: 90, mode: 'online', onlineUrl: 'https://meet.example.org/cohort' };
    expect((await t.call('POST', `/api/v1/programmes/${id}/schedule`, { as: member, body })).statusCode).toBe(403);
    const first = await t.call('POST', `/api/v1/programmes/${id}/schedule`, { as: leader, body });
    expect(first.statusCode).toBe(201);
    const sessions = first.json().sessions;
    expect(sessions).toHaveLength(8);
    expect(sessions.map((s: { start: string }) => s.start.slice(0, 10))).toEqual([
      '2027-03-16',
      '2027-03-23',
      '2027-03-30',
      '2027-04-06',
      '2027-04-13',
      '2027-04-20',
      '2027-04-27',
      '2027-05-04',
    ]);
    expect(sessions[2]).toMatchObject({ title: 'Week 3', description: 'Eight weeks after a loss', programmeId: id, agenda: programme.parts[2]!.agenda });

    const second = await t.call('POST', `/api/v1/programmes/${id}/schedule`, { as: leader, body: { ...body, start: '2027-09-07T18:00', intervalWeeks: 2 } });
    expect(second.json().sessions.map((s: { start: string }) => s.start)).toContain('2027-09-21T18:00');

    const list = await t.call('GET', `/api/v1/groups/${slug}/programmes`, { as: member });
    expect(list.json().programmes).toHaveLength(1);
    const occurrences = (await t.call('GET', `/api/v1/groups/${slug}/occurrences?from=2027-03-01T00:00:00Z&to=2027-06-01T00:00:00Z`)).json().occurrences;
    expect(occurrences).toHaveLength(8);
    expect(new Set(occurrences.map((o: { localStart: string }) => o.localStart.slice(11)))).toEqual(new Set(['18:00']));
  });

  it('hides the programmes of a private group from non-members', async () => {
    const priv = (await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup({ name: 'Quiet', visibility: 'private' }) })).json().group.slug;
    const { id } = (await t.call('POST', `/api/v1/groups/${priv}/programmes`, { as: leader, body: programme })).json().programme;
    expect((await t.call('GET', `/api/v1/groups/${priv}/programmes`, { as: member })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/v1/programmes/${id}`, { as: member })).statusCode).toBe(404);
    expect((await t.call('PATCH', `/api/v1/programmes/${id}`, { as: member, body: { title: 'x' } })).statusCode).toBe(404);
    expect((await t.call('PATCH', `/api/v1/programmes/${id}`, { as: leader, body: { title: 'Renamed' } })).json().programme.title).toBe('Renamed');
  });
});
