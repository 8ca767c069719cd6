import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../tests/support/databases.ts';
import { fixedClock } from '../../platform/clock.ts';
import { completeGroup, startTestApp, type Caller, type TestClient } from '../../../../tests/support/http.ts';

const OCCURRENCE = '2027-03-09T18:00:00.000Z';
const at = (iso: string) => new Date(iso);

describe.each(testDialects())('session reminders on $dialect', ({ open }) => {
  let t: TestClient;
  let leader: Caller;
  let member: Caller;
  let slug: string;
  let sessionId: string;

  beforeEach(async () => {
    // Before the sessions these tests schedule (March 2027), whenever the suite runs; the jobs run at the instants each test names.
    t = await startTestApp(await open(), {}, { clock: fixedClock('2027-03-01T09:00:00Z') });
    leader = await t.signUp({ displayName: 'Leader' });
    member = await t.signUp({ displayName: 'Zoé', locale: 'fr', timeZone: 'America/Montreal' });
    slug = (await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup({ structure: { membership: 'open', format: 'drop-in' } }) })).json().group
      .slug;
    await t.call('POST', `/api/v1/groups/${slug}/join`, { as: member, body: { acceptCharter: true } });
    const session = await t.call('POST', `/api/v1/groups/${slug}/sessions`, {
      as: leader,
      body: {
        title: 'Cercle du mardi',
        start: '2027-03-02T19:00',
        timeZone: 'Europe/Paris',
        durationMinutes: 90,
        recurrence: 'FREQ=WEEKLY;BYDAY=TU',
        mode: 'online',
        onlineUrl: 'https://meet.example.org/mardi',
      },
    });
    sessionId = session.json().session.id;
    const rsvp = await t.call('POST', `/api/v1/sessions/${sessionId}/rsvp`, { as: member, body: { occurrenceStart: OCCURRENCE, status: 'going' } });
    expect(rsvp.json().rsvp.status).toBe('going');
  });
  afterEach(async () => t.close());

  async function reminders() {
    await t.mailer.idle();
    return t.db.db.selectFrom('outbox').selectAll().where('kind', '=', 'session-reminder').execute();
  }

  it('mails a reminder 24 hours before, once, in the member’s language and zone, with the .ics', async () => {
    // 25 hours before: too early to plan anything.
    await t.jobs.runDue(at('2027-03-08T17:00:00Z'));
    expect(await t.db.db.selectFrom('jobs').selectAll().where('kind', '=', 'sessions.reminder').execute()).toEqual([]);
    await t.jobs.runDue(at('2027-03-08T17:56:00Z'));
    expect(await reminders()).toEqual([]);
    const queued = await t.db.db.selectFrom('jobs').selectAll().where('kind', '=', 'sessions.reminder').execute();
    expect(queued.map((j) => [j.status, j.run_at])).toEqual([['pending', '2027-03-08T18:00:00.000Z']]);

    await t.jobs.runDue(at('2027-03-08T18:00:30Z'));
    const sent = await reminders();
    expect(sent).toHaveLength(1);
    const mail = sent[0]!;
    expect(mail.to_address).toBe(member.email);
    expect(mail.subject).toBe(`Demain : Cercle du mardi (${completeGroup().name})`);
    expect(mail.text_body).toMatch(/mardi 9 mars 2027 (à )?19:00 \(Paris\) · 13:00 votre heure \(Montreal\)/);
    expect(mail.text_body).toContain('en ligne');
    const [attachment] = JSON.parse(mail.attachments!) as { filename: string; contentType: string; content: string }[];
    expect(attachment!.contentType).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(attachment!.content));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().toISOString()).toBe(OCCURRENCE);
    expect(attachment!.content).toContain('https://meet.example.org/mardi');

    // Running again, or after a restart with a new worker, sends nothing more.
    await t.jobs.runDue(at('2027-03-08T18:10:00Z'));
    await t.jobs.runDue(at('2027-03-08T18:20:00Z'));
    expect(await reminders()).toHaveLength(1);
    const restarted = await startTestApp(t.db, {}, { clock: t.clock });
    await restarted.jobs.runDue(at('2027-03-08T18:30:00Z'));
    await restarted.app.close();
    expect(await reminders()).toHaveLength(1);
  });

  it('re-checks at send time: no mail after leaving the group, saying no, or a cancellation', async () => {
    await t.jobs.runDue(at('2027-03-08T17:56:00Z'));
    expect(await t.db.db.selectFrom('jobs').selectAll().where('kind', '=', 'sessions.reminder').execute()).toHaveLength(1);
    await t.call('POST', `/api/v1/groups/${slug}/leave`, { as: member });
    await t.jobs.runDue(at('2027-03-08T18:00:30Z'));
    expect(await reminders()).toEqual([]);

    const other = await t.signUp({ displayName: 'Other' });
    await t.call('POST', `/api/v1/groups/${slug}/join`, { as: other, body: { acceptCharter: true } });
    const next = '2027-03-16T18:00:00.000Z';
    await t.call('POST', `/api/v1/sessions/${sessionId}/rsvp`, { as: other, body: { occurrenceStart: next, status: 'going' } });
    await t.jobs.runDue(at('2027-03-15T17:56:00Z'));
    await t.call('POST', `/api/v1/sessions/${sessionId}/occurrences/cancel`, { as: leader, body: { occurrenceStart: next } });
    await t.jobs.runDue(at('2027-03-15T18:00:30Z'));
    expect(await reminders()).toEqual([]);
  });

  it('follows an occurrence that moved later, reminding once for its new time', async () => {
    await t.jobs.runDue(at('2027-03-08T17:56:00Z'));
    await t.call('POST', `/api/v1/sessions/${sessionId}/occurrences/move`, { as: leader, body: { occurrenceStart: OCCURRENCE, start: '2027-03-10T19:00' } });
    await t.jobs.runDue(at('2027-03-08T18:00:30Z'));
    expect(await reminders()).toEqual([]);
    await t.jobs.runDue(at('2027-03-09T17:55:00Z'));
    await t.jobs.runDue(at('2027-03-09T18:00:30Z'));
    const sent = await reminders();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text_body).toMatch(/mercredi 10 mars 2027/);
  });
});
