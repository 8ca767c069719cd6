import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../tests/support/databases.ts';
import { fixedClock } from '../../platform/clock.ts';
import { completeGroup, startTestApp, type Caller, type TestClient } from '../../../../tests/support/http.ts';

const weekly = {
  title: 'Tuesday circle',
  start: '2027-03-02T19:00',
  timeZone: 'Europe/Paris',
  durationMinutes: 90,
  recurrence: 'FREQ=WEEKLY;BYDAY=TU',
  mode: 'hybrid',
  location: 'Maison des associations',
  onlineUrl: 'https://meet.example.org/tuesday',
  capacity: 2,
  agenda: [
    { title: 'Welcome', minutes: 10 },
    { title: 'Check-in round', minutes: 30 },
    { title: 'Closing', minutes: 10 },
  ],
};

describe.each(testDialects())('sessions on $dialect', ({ open }) => {
  let t: TestClient;
  let leader: Caller;
  let member: Caller;
  let stranger: Caller;
  let slug: string;

  beforeEach(async () => {
    // Before the sessions these tests schedule (March 2027), whenever the suite runs.
    const clock = fixedClock('2027-03-01T09:00:00Z');
    t = await startTestApp(await open(), {}, { clock });
    // Each write a second after the last, as people post: "newest first" has an order to follow.
    const call = t.call.bind(t);
    t.call = (method, url, options) => {
      if (method !== 'GET') clock.advance(1000);
      return call(method, url, options);
    };
    leader = await t.signUp({ displayName: 'Leader' });
    member = await t.signUp({ displayName: 'Member', timeZone: 'America/Montreal' });
    stranger = await t.signUp({ displayName: 'Stranger' });
    slug = (await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup({ structure: { membership: 'open', format: 'drop-in' } }) })).json().group
      .slug;
    await t.call('POST', `/api/v1/groups/${slug}/join`, { as: member, body: { acceptCharter: true } });
  });
  afterEach(async () => t.close());

  async function schedule(body: Record<string, unknown> = weekly) {
    const res = await t.call('POST', `/api/v1/groups/${slug}/sessions`, { as: leader, body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().session;
  }

  it('schedules a weekly session stored as wall time + zone + RRULE, 19:00 in Paris across DST', async () => {
    const session = await schedule();
    expect(session).toMatchObject({
      start: '2027-03-02T19:00',
      timeZone: 'Europe/Paris',
      recurrence: 'FREQ=WEEKLY;BYDAY=TU',
      onlineUrl: 'https://meet.example.org/tuesday',
    });
    const res = await t.call('GET', `/api/v1/groups/${slug}/occurrences?from=2027-03-20&to=2027-04-05T02:00:00%2B02:00`);
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .occurrences.map((o: { startsAt: string; localStart: string; timeZone: string; endsAt: string; sessionId: string }) => [
          o.startsAt,
          o.localStart,
          o.endsAt,
          o.timeZone,
          o.sessionId,
        ]),
    ).toEqual([
      ['2027-03-23T18:00:00.000Z', '2027-03-23T19:00', '2027-03-23T19:30:00.000Z', 'Europe/Paris', session.id],
      ['2027-03-30T17:00:00.000Z', '2027-03-30T19:00', '2027-03-30T18:30:00.000Z', 'Europe/Paris', session.id],
    ]);
  });

  it('shows the online link to members only', async () => {
    const session = await schedule();
    for (const as of [null, stranger]) {
      const seen = await t.call('GET', `/api/v1/sessions/${session.id}`, { as });
      expect(seen.statusCode).toBe(200);
      expect(seen.json().session.onlineUrl).toBeUndefined();
      expect(seen.body).not.toContain('meet.example.org');
    }
    expect((await t.call('GET', `/api/v1/sessions/${session.id}`, { as: member })).json().session.onlineUrl).toBe('https://meet.example.org/tuesday');
  });

  it('lets leaders only schedule: 401 signed out, 403 member, 404 non-member of a private group', async () => {
    expect((await t.call('POST', `/api/v1/groups/${slug}/sessions`, { body: weekly })).statusCode).toBe(401);
    expect((await t.call('POST', `/api/v1/groups/${slug}/sessions`, { as: member, body: weekly })).statusCode).toBe(403);
    expect((await t.call('POST', `/api/v1/groups/${slug}/sessions`, { as: stranger, body: weekly })).statusCode).toBe(403);
    const priv = (await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup({ name: 'Private', visibility: 'private' }) })).json().group.slug;
    const hidden = await t.call('POST', `/api/v1/groups/${priv}/sessions`, { as: stranger, body: weekly });
    const missing = await t.call('POST', `/api/v1/groups/no-such-group/sessions`, { as: stranger, body: weekly });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(missing.body);
    expect((await t.call('GET', `/api/v1/groups/${priv}/occurrences`, { as: stranger })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/v1/groups/${priv}/occurrences`)).statusCode).toBe(404);
  });

  it('refuses unreadable windows with the query field named', async () => {
    const res = await t.call('GET', `/api/v1/groups/${slug}/occurrences?from=yesterday&to=2027-13-45`);
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['query.from', 'query.to']);
    const long = await t.call('GET', `/api/v1/groups/${slug}/occurrences?from=2027-01-01&to=2029-01-01`);
    expect(long.statusCode).toBe(400);
    const backwards = await t.call('GET', `/api/v1/groups/${slug}/occurrences?from=2027-03-01&to=2027-02-01`);
    expect(backwards.statusCode).toBe(400);
  });

  it('validates every field, including the rule and the link', async () => {
    const res = await t.call('POST', `/api/v1/groups/${slug}/sessions`, {
      as: leader,
      body: {
        title: '',
        start: '2027-02-30T19:00',
        timeZone: 'Mars/Base',
        durationMinutes: 0,
        recurrence: 'FREQ=HOURLY',
        mode: 'telepathy',
        onlineUrl: 'javascript:alert(1)',
        capacity: 0,
        agenda: [{ title: 'x', minutes: -1 }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['agenda.0.minutes', 'capacity', 'durationMinutes', 'mode', 'onlineUrl', 'recurrence', 'start', 'timeZone', 'title'].sort());
  });

  it('fills places first come first served, wait-lists the rest and promotes when a place frees', async () => {
    const session = await schedule();
    const third = await t.signUp({ displayName: 'Third' });
    await t.call('POST', `/api/v1/groups/${slug}/join`, { as: third, body: { acceptCharter: true } });
    const occurrenceStart = '2027-03-09T18:00:00.000Z';
    const rsvp = (as: Caller, status: string, start = occurrenceStart) =>
      t.call('POST', `/api/v1/sessions/${session.id}/rsvp`, { as, body: { occurrenceStart: start, status } });

    expect((await rsvp(leader, 'going')).json()).toEqual({ rsvp: { status: 'going' } });
    expect((await rsvp(member, 'going', '2027-03-09T19:00:00+01:00')).json()).toEqual({ rsvp: { status: 'going' } });
    expect((await rsvp(third, 'going')).json()).toEqual({ rsvp: { status: 'waitlisted' } });
    const list = (await t.call('GET', `/api/v1/groups/${slug}/occurrences?from=2027-03-09T00:00:00Z&to=2027-03-10T00:00:00Z`, { as: third })).json()
      .occurrences;
    expect(list[0]).toMatchObject({ going: 2, waitlisted: 1, myRsvp: 'waitlisted', capacity: 2 });

    expect((await rsvp(member, 'not-going')).json()).toEqual({ rsvp: { status: 'not-going' } });
    const after = (await t.call('GET', `/api/v1/groups/${slug}/occurrences?from=2027-03-09T00:00:00Z&to=2027-03-10T00:00:00Z`, { as: third })).json()
      .occurrences;
    expect(after[0]).toMatchObject({ going: 2, waitlisted: 0, myRsvp: 'going' });
    await t.mailer.idle();
    const mails = await t.db.db.selectFrom('outbox').selectAll().where('kind', '=', 'session-promoted').execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to_address).toBe(third.email);

    expect((await rsvp(stranger, 'going')).statusCode).toBe(403);
    expect((await t.call('POST', `/api/v1/sessions/${session.id}/rsvp`, { body: { occurrenceStart, status: 'going' } })).statusCode).toBe(401);
    const wrongTime = await rsvp(member, 'going', '2027-03-09T18:30:00.000Z');
    expect(wrongTime.statusCode).toBe(400);
    expect(wrongTime.json().error.issues[0].path).toBe('occurrenceStart');
    expect((await rsvp(member, 'going', '2027-03-02T18:00:00.000Z')).statusCode).toBe(200);
  });

  it('cancels and moves single occurrences without touching the rest, and tells who was coming', async () => {
    const session = await schedule({ ...weekly, capacity: null });
    await t.call('POST', `/api/v1/sessions/${session.id}/rsvp`, { as: member, body: { occurrenceStart: '2027-03-16T18:00:00Z', status: 'going' } });
    expect(
      (await t.call('POST', `/api/v1/sessions/${session.id}/occurrences/cancel`, { as: member, body: { occurrenceStart: '2027-03-09T18:00:00Z' } })).statusCode,
    ).toBe(403);
    expect(
      (await t.call('POST', `/api/v1/sessions/${session.id}/occurrences/cancel`, { as: leader, body: { occurrenceStart: '2027-03-09T18:00:00Z' } })).statusCode,
    ).toBe(204);
    const moved = await t.call('POST', `/api/v1/sessions/${session.id}/occurrences/move`, {
      as: leader,
      body: { occurrenceStart: '2027-03-16T18:00:00Z', start: '2027-03-17T20:00' },
    });
    expect(moved.json()).toEqual({ occurrence: { startsAt: '2027-03-17T19:00:00.000Z', localStart: '2027-03-17T20:00' } });

    const window = 'from=2027-03-01T00:00:00Z&to=2027-03-25T00:00:00Z';
    const plain = (await t.call('GET', `/api/v1/groups/${slug}/occurrences?${window}`, { as: member })).json().occurrences;
    expect(plain.map((o: { localStart: string; status: string }) => [o.localStart, o.status])).toEqual([
      ['2027-03-02T19:00', 'scheduled'],
      ['2027-03-17T20:00', 'moved'],
      ['2027-03-23T19:00', 'scheduled'],
    ]);
    expect(plain[1]).toMatchObject({ originalStartsAt: '2027-03-16T18:00:00.000Z', myRsvp: 'going' });
    const all = (await t.call('GET', `/api/v1/groups/${slug}/occurrences?${window}&includeCancelled=true`)).json().occurrences;
    expect(all.map((o: { status: string }) => o.status)).toEqual(['scheduled', 'cancelled', 'moved', 'scheduled']);

    await t.mailer.idle();
    const moveMail = await t.db.db.selectFrom('outbox').selectAll().where('kind', '=', 'session-moved').execute();
    expect(moveMail.map((m) => m.to_address)).toEqual([member.email]);
    // The member lives in Montréal: the mail says the Paris time and theirs.
    expect(moveMail[0]!.text_body).toMatch(/20:00 \(Paris\) · 15:00 your time \(Montreal\)/);

    expect(
      (await t.call('POST', `/api/v1/sessions/${session.id}/rsvp`, { as: member, body: { occurrenceStart: '2027-03-09T18:00:00Z', status: 'going' } })).json()
        .error.code,
    ).toBe('OCCURRENCE_CANCELLED');
    await t.call('POST', `/api/v1/sessions/${session.id}/occurrences/restore`, { as: leader, body: { occurrenceStart: '2027-03-09T18:00:00Z' } });
    expect(
      (await t.call('POST', `/api/v1/sessions/${session.id}/rsvp`, { as: member, body: { occurrenceStart: '2027-03-09T18:00:00Z', status: 'going' } }))
        .statusCode,
    ).toBe(200);
  });

  it('edits a series from a date on: earlier occurrences keep their time, RSVPs follow the change', async () => {
    const session = await schedule({ ...weekly, capacity: null, recurrence: 'FREQ=WEEKLY;BYDAY=TU;COUNT=6' });
    await t.call('POST', `/api/v1/sessions/${session.id}/rsvp`, { as: member, body: { occurrenceStart: '2027-03-30T17:00:00Z', status: 'going' } });
    const res = await t.call('PATCH', `/api/v1/sessions/${session.id}`, {
      as: leader,
      body: { fromOccurrence: '2027-03-23T18:00:00Z', start: '2027-03-23T18:30', title: 'Tuesday circle (earlier)' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const next = res.json().session;
    expect(next).toMatchObject({ start: '2027-03-23T18:30', recurrence: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3', title: 'Tuesday circle (earlier)' });
    const list = (await t.call('GET', `/api/v1/groups/${slug}/occurrences?from=2027-03-01T00:00:00Z&to=2027-06-01T00:00:00Z`, { as: member })).json()
      .occurrences;
    expect(list.map((o: { localStart: string; title: string }) => `${o.localStart} ${o.title}`)).toEqual([
      '2027-03-02T19:00 Tuesday circle',
      '2027-03-09T19:00 Tuesday circle',
      '2027-03-16T19:00 Tuesday circle',
      '2027-03-23T18:30 Tuesday circle (earlier)',
      '2027-03-30T18:30 Tuesday circle (earlier)',
      '2027-04-06T18:30 Tuesday circle (earlier)',
    ]);
    expect(list[4]).toMatchObject({ sessionId: next.id, myRsvp: 'going' });
  });

  it('keeps a moved occurrence’s new time through a cancellation and its restoration', async () => {
    const session = await schedule({ ...weekly, capacity: null });
    await t.call('POST', `/api/v1/sessions/${session.id}/rsvp`, { as: member, body: { occurrenceStart: '2027-03-09T18:00:00Z', status: 'going' } });
    await t.call('POST', `/api/v1/sessions/${session.id}/occurrences/move`, {
      as: leader,
      body: { occurrenceStart: '2027-03-09T18:00:00Z', start: '2027-03-10T20:00' },
    });
    expect(
      (await t.call('POST', `/api/v1/sessions/${session.id}/occurrences/cancel`, { as: leader, body: { occurrenceStart: '2027-03-10T19:00:00Z' } })).statusCode,
    ).toBe(204);
    const window = 'from=2027-03-08T00:00:00Z&to=2027-03-12T00:00:00Z&includeCancelled=true';
    const cancelled = (await t.call('GET', `/api/v1/groups/${slug}/occurrences?${window}`, { as: member })).json().occurrences;
    expect(cancelled.map((o: { localStart: string; status: string }) => [o.localStart, o.status])).toEqual([['2027-03-10T20:00', 'cancelled']]);
    await t.mailer.idle();
    const mail = await t.db.db.selectFrom('outbox').select(['text_body']).where('kind', '=', 'session-cancelled').executeTakeFirstOrThrow();
    expect(mail.text_body).toContain(`/sessions/${session.id}?occurrence=`);
    expect(
      (await t.call('POST', `/api/v1/sessions/${session.id}/occurrences/restore`, { as: leader, body: { occurrenceStart: '2027-03-10T19:00:00Z' } }))
        .statusCode,
    ).toBe(204);
    const restored = (await t.call('GET', `/api/v1/groups/${slug}/occurrences?${window}`, { as: member })).json().occurrences;
    expect(restored.map((o: { localStart: string; status: string; myRsvp: string }) => [o.localStart, o.status, o.myRsvp])).toEqual([
      ['2027-03-10T20:00', 'moved', 'going'],
    ]);
  });

  it('keeps answers and cancellations with their dates when the whole series changes time', async () => {
    const session = await schedule({ ...weekly, capacity: null });
    await t.call('POST', `/api/v1/sessions/${session.id}/occurrences/cancel`, { as: leader, body: { occurrenceStart: '2027-03-09T18:00:00Z' } });
    await t.call('POST', `/api/v1/sessions/${session.id}/rsvp`, { as: member, body: { occurrenceStart: '2027-03-16T18:00:00Z', status: 'going' } });
    const res = await t.call('PATCH', `/api/v1/sessions/${session.id}`, { as: leader, body: { start: '2027-03-02T18:30' } });
    expect(res.statusCode, res.body).toBe(200);
    const list = (
      await t.call('GET', `/api/v1/groups/${slug}/occurrences?from=2027-03-01T00:00:00Z&to=2027-03-20T00:00:00Z&includeCancelled=true`, { as: member })
    ).json().occurrences;
    expect(list.map((o: { localStart: string; status: string; myRsvp: string | null }) => [o.localStart, o.status, o.myRsvp])).toEqual([
      ['2027-03-02T18:30', 'scheduled', null],
      ['2027-03-09T18:30', 'cancelled', null],
      ['2027-03-16T18:30', 'scheduled', 'going'],
    ]);
    const rsvp = await t.db.db.selectFrom('rsvps').select(['occurrence', 'starts_at']).execute();
    expect(rsvp).toEqual([{ occurrence: '2027-03-16T18:30', starts_at: '2027-03-16T17:30:00.000Z' }]);
  });

  it('takes recap comments along with their date when a series is split or changes time', async () => {
    const session = await schedule({ ...weekly, capacity: null, recurrence: 'FREQ=WEEKLY;BYDAY=TU;COUNT=6' });
    const recap = (id: string, occurrenceStart: string) => `/api/v1/sessions/${id}/occurrences/${occurrenceStart}/comments`;
    const comment = async (id: string, occurrenceStart: string, body: string) => {
      const res = await t.call('POST', recap(id, occurrenceStart), { as: member, body: { body } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().comment.threadId as string;
    };
    const commentsAt = async (id: string, occurrenceStart: string) => {
      const res = await t.call('GET', recap(id, occurrenceStart), { as: member });
      expect(res.statusCode, res.body).toBe(200);
      return { session: res.json().thread?.session ?? null, bodies: res.json().comments.map((c: { body: string }) => c.body) };
    };
    const before = await comment(session.id, '2027-03-09T18:00:00.000Z', 'Before the split.');
    const after = await comment(session.id, '2027-03-30T17:00:00.000Z', 'After the split.');

    const res = await t.call('PATCH', `/api/v1/sessions/${session.id}`, {
      as: leader,
      body: { fromOccurrence: '2027-03-23T18:00:00Z', start: '2027-03-23T18:30' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const next = res.json().session.id;
    // The earlier date stays with the old series; the later one goes with the new, at its new time.
    expect(await commentsAt(session.id, '2027-03-09T18:00:00.000Z')).toEqual({
      session: { id: session.id, startsAt: '2027-03-09T18:00:00.000Z' },
      bodies: ['Before the split.'],
    });
    expect(await commentsAt(next, '2027-03-30T16:30:00.000Z')).toEqual({
      session: { id: next, startsAt: '2027-03-30T16:30:00.000Z' },
      bodies: ['After the split.'],
    });
    const threads = async () =>
      (await t.db.db.selectFrom('threads').select(['id', 'session_id', 'occurrence']).where('session_id', 'is not', null).orderBy('occurrence').execute()).map(
        (r) => [r.id, r.session_id, r.occurrence],
      );
    expect(await threads()).toEqual([
      [before, session.id, '2027-03-09T19:00'],
      [after, next, '2027-03-30T18:30'],
    ]);
    // A new comment on that date joins the same thread.
    expect(await comment(next, '2027-03-30T16:30:00.000Z', 'Still here.')).toBe(after);

    // The whole new series moves to 20:00: the thread keeps its date and takes the new time.
    expect((await t.call('PATCH', `/api/v1/sessions/${next}`, { as: leader, body: { start: '2027-03-23T20:00' } })).statusCode).toBe(200);
    expect(await commentsAt(next, '2027-03-30T18:00:00.000Z')).toEqual({
      session: { id: next, startsAt: '2027-03-30T18:00:00.000Z' },
      bodies: ['After the split.', 'Still here.'],
    });
    expect(await threads()).toEqual([
      [before, session.id, '2027-03-09T19:00'],
      [after, next, '2027-03-30T20:00'],
    ]);
    const thread = (await t.call('GET', `/api/v1/threads/${after}`, { as: member })).json().thread;
    expect(thread.session).toEqual({ id: next, startsAt: '2027-03-30T18:00:00.000Z' });
  });

  it('tells those a larger room takes off the wait-list', async () => {
    const session = await schedule({ ...weekly, capacity: 1 });
    const occurrenceStart = '2027-03-09T18:00:00.000Z';
    expect((await t.call('POST', `/api/v1/sessions/${session.id}/rsvp`, { as: leader, body: { occurrenceStart, status: 'going' } })).json().rsvp.status).toBe(
      'going',
    );
    expect((await t.call('POST', `/api/v1/sessions/${session.id}/rsvp`, { as: member, body: { occurrenceStart, status: 'going' } })).json().rsvp.status).toBe(
      'waitlisted',
    );
    expect((await t.call('PATCH', `/api/v1/sessions/${session.id}`, { as: leader, body: { capacity: 2 } })).statusCode).toBe(200);
    const mails = await t.db.db.selectFrom('outbox').selectAll().where('kind', '=', 'session-promoted').execute();
    expect(mails.map((m) => [m.to_address, m.recipient_id])).toEqual([[member.email, member.userId]]);
    // The member lives in Montréal: the Paris time and theirs.
    expect(mails[0]!.text_body).toMatch(/19:00 \(Paris\) · 13:00 your time \(Montreal\)/);
  });

  it('refuses a series whose first session is not on one of its days', async () => {
    const res = await t.call('POST', `/api/v1/groups/${slug}/sessions`, { as: leader, body: { ...weekly, recurrence: 'FREQ=WEEKLY;BYDAY=TH' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([{ path: 'start', message: 'The first session must fall on one of the days the series repeats on.' }]);
  });

  it('keeps attendance and recaps for leaders to write and members to read', async () => {
    const session = await schedule();
    const occ = '2027-03-02T18:00:00.000Z';
    expect(
      (await t.call('PUT', `/api/v1/sessions/${session.id}/attendance`, { as: member, body: { occurrenceStart: occ, present: [member.userId] } })).statusCode,
    ).toBe(403);
    const att = await t.call('PUT', `/api/v1/sessions/${session.id}/attendance`, {
      as: leader,
      body: { occurrenceStart: occ, present: [member.userId, leader.userId] },
    });
    expect(att.json().attendance).toHaveLength(2);
    const bad = await t.call('PUT', `/api/v1/sessions/${session.id}/attendance`, { as: leader, body: { occurrenceStart: occ, present: [stranger.userId] } });
    expect(bad.statusCode).toBe(400);
    await t.call('PUT', `/api/v1/sessions/${session.id}/recap`, { as: leader, body: { occurrenceStart: occ, body: 'We talked about <b>sleep</b>.' } });
    const asMember = (await t.call('GET', `/api/v1/sessions/${session.id}/occurrences/${occ}`, { as: member })).json();
    expect(asMember.recap.body).toBe('We talked about <b>sleep</b>.');
    expect(asMember.going).toBeUndefined();
    expect(asMember.attendance).toBeUndefined();
    const asLeader = (await t.call('GET', `/api/v1/sessions/${session.id}/occurrences/${occ}`, { as: leader })).json();
    expect(asLeader.attendance.map((a: { displayName: string }) => a.displayName).sort()).toEqual(['Leader', 'Member']);
    const asStranger = (await t.call('GET', `/api/v1/sessions/${session.id}/occurrences/${occ}`, { as: stranger })).json();
    expect(asStranger.recap).toBeNull();
  });

  it('lists my sessions across groups with my answers', async () => {
    const session = await schedule();
    await t.call('POST', `/api/v1/sessions/${session.id}/rsvp`, { as: member, body: { occurrenceStart: '2027-03-02T18:00:00Z', status: 'going' } });
    const mine = await t.call('GET', '/api/v1/me/sessions?from=2027-03-01T00:00:00Z&to=2027-03-10T00:00:00Z', { as: member });
    expect(mine.json().occurrences.map((o: { myRsvp: string; groupSlug: string }) => [o.groupSlug, o.myRsvp])).toEqual([
      [slug, 'going'],
      [slug, null],
    ]);
    expect((await t.call('GET', '/api/v1/me/sessions', { as: stranger })).json().occurrences).toEqual([]);
    expect((await t.call('GET', '/api/v1/me/sessions')).statusCode).toBe(401);
  });
});
