import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instantToLocal } from '../../../shared/zoned-time.ts';
import { testDialects } from '../../../../tests/support/databases.ts';
import { fixedClock } from '../../platform/clock.ts';
import { completeGroup, startTestApp, type Caller, type TestClient } from '../../../../tests/support/http.ts';

type PollSlot = {
  index: number;
  day: number;
  start: string;
  startsAt: string;
  localStart: string;
  yourLocalStart: string;
  counts: { yes: number; ifNeedBe: number; no: number };
  voters?: Record<string, { displayName: string }[]>;
};

const proposal = {
  title: 'When should we meet?',
  durationMinutes: 90,
  slots: [
    { day: 2, start: '19:00' },
    { day: 3, start: '12:15' },
    { day: 6, start: '10:00' },
  ],
};

describe.each(testDialects())('slot polls on $dialect', ({ open }) => {
  let t: TestClient;
  let leader: Caller;
  let member: Caller;
  let stranger: Caller;
  let slug: string;

  beforeEach(async () => {
    // Friday 23:30 in Paris, the night before its clocks change: next week's slots fall on both sides of it.
    t = await startTestApp(await open(), {}, { clock: fixedClock('2027-03-26T22:30:00Z') });
    leader = await t.signUp({ displayName: 'Léa', timeZone: 'Europe/Paris' });
    member = await t.signUp({ displayName: 'Chen', timeZone: 'Asia/Shanghai' });
    stranger = await t.signUp({ displayName: 'Stranger' });
    slug = (await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup() })).json().group.slug;
    await t.call('POST', `/api/v1/groups/${slug}/join`, { as: member, body: { acceptCharter: true } });
  });
  afterEach(async () => t.close());

  async function propose(body: unknown = proposal, as: Caller = leader, target = slug) {
    return t.call('POST', `/api/v1/groups/${target}/polls`, { as, body });
  }

  async function created() {
    const res = await propose();
    expect(res.statusCode, res.body).toBe(201);
    return res.json().poll;
  }

  it('shows each proposed weekly time in the group’s zone and on each viewer’s own clock', async () => {
    const poll = await created();
    expect(poll).toMatchObject({
      title: 'When should we meet?',
      timeZone: 'Europe/Paris',
      durationMinutes: 90,
      status: 'open',
      canManage: true,
      voterCount: 0,
      myAnswers: null,
      viewerTimeZone: 'Europe/Paris',
    });
    expect(poll.createdBy).toEqual({ userId: leader.userId, displayName: 'Léa' });
    for (const [i, slot] of (poll.slots as PollSlot[]).entries()) {
      expect(slot).toMatchObject({ index: i, day: proposal.slots[i]!.day, start: proposal.slots[i]!.start });
      expect(slot.localStart.slice(11)).toBe(proposal.slots[i]!.start);
      expect(new Date(`${slot.localStart.slice(0, 10)}T00:00:00Z`).getUTCDay()).toBe(proposal.slots[i]!.day);
      expect(Date.parse(slot.startsAt)).toBeGreaterThan(t.clock.now().getTime());
      expect(instantToLocal(Date.parse(slot.startsAt), 'Europe/Paris')).toBe(slot.localStart);
    }

    const seen = (await t.call('GET', `/api/v1/polls/${poll.id}`, { as: member })).json().poll;
    expect(seen).toMatchObject({ viewerTimeZone: 'Asia/Shanghai', canManage: false });
    for (const slot of seen.slots as PollSlot[]) expect(slot.yourLocalStart).toBe(instantToLocal(Date.parse(slot.startsAt), 'Asia/Shanghai'));
    const inSaoPaulo = (await t.call('GET', `/api/v1/polls/${poll.id}?zone=America/Sao_Paulo`, { as: member })).json().poll;
    expect(inSaoPaulo.slots[0].yourLocalStart).toBe(instantToLocal(Date.parse(inSaoPaulo.slots[0].startsAt), 'America/Sao_Paulo'));
  });

  it('takes yes / if-need-be / no per time, replaces earlier answers, and shows names to leaders only', async () => {
    const poll = await created();
    const vote = (as: Caller, answers: string[]) => t.call('PUT', `/api/v1/polls/${poll.id}/vote`, { as, body: { answers } });
    expect((await vote(member, ['no', 'no', 'no'])).statusCode).toBe(200);
    const mine = await vote(member, ['yes', 'if-need-be', 'no']);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().poll.myAnswers).toEqual(['yes', 'if-need-be', 'no']);
    await vote(leader, ['yes', 'no', 'no']);

    const asMember = (await t.call('GET', `/api/v1/polls/${poll.id}`, { as: member })).json().poll;
    expect(asMember.voterCount).toBe(2);
    expect(asMember.slots.map((s: PollSlot) => s.counts)).toEqual([
      { yes: 2, ifNeedBe: 0, no: 0 },
      { yes: 0, ifNeedBe: 1, no: 1 },
      { yes: 0, ifNeedBe: 0, no: 2 },
    ]);
    expect(asMember.slots[0].voters).toBeUndefined();

    const asLeader = (await t.call('GET', `/api/v1/polls/${poll.id}`, { as: leader })).json().poll;
    expect(asLeader.slots[1].voters).toEqual({
      yes: [],
      ifNeedBe: [{ userId: member.userId, displayName: 'Chen' }],
      no: [{ userId: leader.userId, displayName: 'Léa' }],
    });
    expect(JSON.stringify(asLeader)).not.toContain(member.email);

    // Someone who leaves the group no longer counts.
    expect((await t.call('POST', `/api/v1/groups/${slug}/leave`, { as: member })).statusCode).toBe(204);
    expect((await t.call('GET', `/api/v1/polls/${poll.id}`, { as: leader })).json().poll.voterCount).toBe(1);
  });

  it('validates proposals and answers', async () => {
    const bad = await propose({ title: '', durationMinutes: 5, slots: [{ day: 8, start: '19:07' }] });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['durationMinutes', 'slots.0.day', 'slots.0.start', 'title']);
    expect((await propose({ ...proposal, slots: [] })).statusCode).toBe(400);
    expect((await propose({ ...proposal, slots: [proposal.slots[0], proposal.slots[0]] })).json().error.issues[0].path).toBe('slots');
    expect((await propose({ ...proposal, slots: Array.from({ length: 13 }, (_, i) => ({ day: i % 7, start: `1${i % 10}:00` })) })).statusCode).toBe(400);

    const poll = await created();
    const short = await t.call('PUT', `/api/v1/polls/${poll.id}/vote`, { as: member, body: { answers: ['yes'] } });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.issues).toEqual([{ path: 'answers', message: 'Answer each of the 3 proposed times once.' }]);
    const wrong = await t.call('PUT', `/api/v1/polls/${poll.id}/vote`, { as: member, body: { answers: ['maybe', 'yes', 'no'] } });
    expect(wrong.json().error.issues[0].path).toBe('answers.0');
    expect((await t.call('GET', '/api/v1/polls/not-a-uuid', { as: member })).json().error.issues[0].path).toBe('params.id');
  });

  it('closes and deletes by leaders only; a closed poll keeps its answers and takes no more', async () => {
    const poll = await created();
    await t.call('PUT', `/api/v1/polls/${poll.id}/vote`, { as: member, body: { answers: ['yes', 'yes', 'no'] } });
    expect((await t.call('POST', `/api/v1/polls/${poll.id}/close`, { as: member })).statusCode).toBe(403);
    const closed = await t.call('POST', `/api/v1/polls/${poll.id}/close`, { as: leader });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().poll).toMatchObject({ status: 'closed', voterCount: 1 });
    expect(closed.json().poll.closedAt).toEqual(expect.any(String));
    const late = await t.call('PUT', `/api/v1/polls/${poll.id}/vote`, { as: member, body: { answers: ['no', 'no', 'no'] } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.issues[0].message).toBe('This poll is closed.');

    expect((await t.call('DELETE', `/api/v1/polls/${poll.id}`, { as: member })).statusCode).toBe(403);
    expect((await t.call('DELETE', `/api/v1/polls/${poll.id}`, { as: leader })).statusCode).toBe(204);
    expect((await t.call('GET', `/api/v1/polls/${poll.id}`, { as: leader })).statusCode).toBe(404);
  });

  it('lists a group’s polls to its members, newest first', async () => {
    const first = await created();
    const second = (await propose({ ...proposal, title: 'Second thoughts' })).json().poll;
    const list = await t.call('GET', `/api/v1/groups/${slug}/polls`, { as: member });
    expect(list.statusCode).toBe(200);
    // Two polls made in the same millisecond fall back to id order.
    const expected = second.createdAt > first.createdAt ? [second.id, first.id] : [first.id, second.id].sort();
    expect(list.json().polls.map((p: { id: string }) => p.id)).toEqual(expected);
  });

  it('keeps polls among members: 401 signed out, 403 outsiders and members where leaders are needed, 404 in a private group as for nothing', async () => {
    const poll = await created();
    expect((await t.call('GET', `/api/v1/polls/${poll.id}`)).statusCode).toBe(401);
    expect((await t.call('GET', `/api/v1/groups/${slug}/polls`)).statusCode).toBe(401);
    expect((await t.call('PUT', `/api/v1/polls/${poll.id}/vote`, { body: { answers: ['yes', 'yes', 'yes'] } })).statusCode).toBe(401);
    expect((await propose(proposal, member)).statusCode).toBe(403);
    expect((await propose(proposal, stranger)).statusCode).toBe(403);
    expect((await t.call('GET', `/api/v1/polls/${poll.id}`, { as: stranger })).statusCode).toBe(403);
    expect((await t.call('GET', `/api/v1/groups/${slug}/polls`, { as: stranger })).statusCode).toBe(403);
    expect((await t.call('PUT', `/api/v1/polls/${poll.id}/vote`, { as: stranger, body: { answers: ['yes', 'yes', 'yes'] } })).statusCode).toBe(403);

    const priv = (await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup({ name: 'Private circle', visibility: 'private' }) })).json().group
      .slug;
    const hiddenPoll = (await propose(proposal, leader, priv)).json().poll;
    const nothing = randomUUID();
    for (const [method, path, body] of [
      ['GET', '', undefined],
      ['PUT', '/vote', { answers: ['yes', 'yes', 'yes'] }],
      ['POST', '/close', undefined],
      ['DELETE', '', undefined],
    ] as const) {
      const hidden = await t.call(method, `/api/v1/polls/${hiddenPoll.id}${path}`, { as: stranger, body });
      const missing = await t.call(method, `/api/v1/polls/${nothing}${path}`, { as: stranger, body });
      expect(hidden.statusCode, `${method} ${path}`).toBe(404);
      expect(hidden.body).toBe(missing.body);
    }
    const hiddenList = await t.call('GET', `/api/v1/groups/${priv}/polls`, { as: stranger });
    expect(hiddenList.statusCode).toBe(404);
    expect(hiddenList.body).toBe((await t.call('GET', '/api/v1/groups/no-such-group/polls', { as: stranger })).body);
    expect((await propose(proposal, stranger, priv)).body).toBe((await propose(proposal, stranger, 'no-such-group')).body);
  });

  it('waits for a draft group to be published before polls, the time finder or apply', async () => {
    const draft = (await t.call('POST', '/api/v1/groups', { as: leader, body: { name: 'Not ready yet' } })).json().group.slug;
    expect((await propose(proposal, leader, draft)).json().error.code).toBe('NOT_PUBLISHED');
    expect((await t.call('GET', `/api/v1/groups/${draft}/time-finder`, { as: leader })).json().error.code).toBe('NOT_PUBLISHED');
    const applied = await t.call('POST', `/api/v1/groups/${draft}/time-finder/apply`, {
      as: leader,
      body: { slots: [{ day: 1, start: '19:00' }], durationMinutes: 60, title: 'x', mode: 'online' },
    });
    expect(applied.json().error.code).toBe('NOT_PUBLISHED');
  });
});
