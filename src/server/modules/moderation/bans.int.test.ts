import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../tests/support/databases.ts';
import { completeGroup, startTestApp, type Caller, type TestClient } from '../../../../tests/support/http.ts';
import { addMember, buildWorld, makeModerator, report, type World } from './moderation.test-support.ts';

const FUTURE = { occurrence: '2030-01-15T19:00', startsAt: '2030-01-15T18:00:00.000Z' };
const PAST = { occurrence: '2020-01-14T19:00', startsAt: '2020-01-14T18:00:00.000Z' };

describe.each(testDialects())('bans and removals on $dialect', ({ open }) => {
  let t: TestClient;
  let w: World;

  beforeEach(async () => {
    t = await startTestApp(await open());
    w = await buildWorld(t);
  });
  afterEach(async () => t.close());

  const db = () => t.db.db;
  const ban = (slug: string, as: Caller | null, body: unknown) => t.call('POST', `/api/v1/groups/${slug}/bans`, { as, body });
  const join = (slug: string, as: Caller) => t.call('POST', `/api/v1/groups/${slug}/join`, { as, body: { acceptCharter: true } });

  /**
   * What a member holds in a group besides membership: a reply address, mail waiting to go
   * out (and mail already sent), a place at a full upcoming session with someone on its
   * wait-list, an answer to a past session, and notifications.
   */
  async function giveAccess(groupId: string, slug: string, who: Caller) {
    const sessionRes = await t.call('POST', `/api/v1/groups/${slug}/sessions`, {
      as: w.leader,
      body: {
        title: 'Circle',
        start: FUTURE.occurrence,
        timeZone: 'Europe/Paris',
        durationMinutes: 60,
        mode: 'online',
        onlineUrl: 'https://meet.example.org/c',
        capacity: 1,
      },
    });
    expect(sessionRes.statusCode, sessionRes.body).toBe(201);
    const sessionId: string = sessionRes.json().session.id;
    const now = new Date().toISOString();
    await db().insertInto('reply_tokens').values({ id: randomUUID(), user_id: who.userId, group_id: groupId, created_at: now, revoked_at: null }).execute();
    const rsvp = (userId: string, status: string, when: typeof FUTURE, queuedAt: string) =>
      db()
        .insertInto('rsvps')
        .values({ session_id: sessionId, occurrence: when.occurrence, user_id: userId, status, starts_at: when.startsAt, queued_at: queuedAt, updated_at: now })
        .execute();
    await rsvp(who.userId, 'going', FUTURE, '2026-01-01T00:00:00.000Z');
    await rsvp(w.reporter.userId, 'waitlisted', FUTURE, '2026-01-02T00:00:00.000Z');
    await rsvp(who.userId, 'going', PAST, '2019-01-01T00:00:00.000Z');
    for (const [status, to] of [
      ['queued', who.userId],
      ['sent', who.userId],
      ['queued', w.reporter.userId],
    ] as const) {
      await db()
        .insertInto('outbox')
        .values({
          id: randomUUID(),
          to_address: `${to}@example.org`,
          subject: 'New comment',
          text_body: 'x',
          html_body: 'x',
          kind: 'discussion.post',
          status,
          error: null,
          created_at: now,
          sent_at: null,
          dedupe_key: null,
          attachments: null,
          recipient_id: to,
          group_id: groupId,
        })
        .execute();
    }
    await db()
      .insertInto('notifications')
      .values({
        id: randomUUID(),
        user_id: who.userId,
        group_id: groupId,
        kind: 'comment.created',
        thread_id: null,
        comment_id: null,
        actor_id: null,
        created_at: now,
        read_at: null,
      })
      .execute();
    return sessionId;
  }

  /** Everything `giveAccess` handed out, as it stands now. */
  async function accessOf(groupId: string, sessionId: string, who: Caller) {
    const tokens = await db().selectFrom('reply_tokens').select('revoked_at').where('user_id', '=', who.userId).where('group_id', '=', groupId).execute();
    const rsvps = await db()
      .selectFrom('rsvps')
      .select(['user_id', 'occurrence', 'status'])
      .where('session_id', '=', sessionId)
      .orderBy('occurrence')
      .orderBy('user_id')
      .execute();
    const mail = await db().selectFrom('outbox').select(['recipient_id', 'status', 'kind']).where('group_id', '=', groupId).execute();
    const notifications = await db().selectFrom('notifications').select('id').where('user_id', '=', who.userId).where('group_id', '=', groupId).execute();
    return {
      tokenRevoked: tokens.every((r) => r.revoked_at !== null),
      rsvps: rsvps.map((r) => `${r.user_id === who.userId ? 'them' : 'other'} ${r.occurrence} ${r.status}`).sort(),
      theirMail: mail
        .filter((m) => m.recipient_id === who.userId)
        .map((m) => m.status)
        .sort(),
      othersMail: mail.filter((m) => m.recipient_id !== who.userId && m.kind !== 'session-promoted').map((m) => m.status),
      // Whoever the freed place went to is told (the wait-listed reporter).
      promotedMail: mail.filter((m) => m.kind === 'session-promoted').map((m) => (m.recipient_id === w.reporter.userId ? 'reporter' : m.recipient_id)),
      notifications: notifications.length,
    };
  }

  /** What every way out of a group must leave behind: nothing of theirs to come, the past kept. */
  const REVOKED = {
    tokenRevoked: true,
    rsvps: [`other ${FUTURE.occurrence} going`, `them ${PAST.occurrence} going`],
    theirMail: ['revoked', 'sent'],
    othersMail: ['queued'],
    promotedMail: ['reporter'],
    notifications: 0,
  };

  it('bans a member: removed, access revoked at once, and kept out until the ban is lifted', async () => {
    const sessionId = await giveAccess(w.pub.id, w.pub.slug, w.member);
    expect((await accessOf(w.pub.id, sessionId, w.member)).tokenRevoked).toBe(false);

    const res = await ban(w.pub.slug, w.leader, { userId: w.member.userId, reason: 'Harassed two members.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({
      ban: {
        user: { id: w.member.userId, displayName: 'Member' },
        reason: 'Harassed two members.',
        createdAt: expect.any(String),
        bannedBy: { id: w.leader.userId, displayName: 'Leader' },
      },
    });
    expect(await accessOf(w.pub.id, sessionId, w.member)).toEqual(REVOKED);
    const members = (await t.call('GET', `/api/v1/groups/${w.pub.slug}/members`, { as: w.leader })).json().members.map((m: { userId: string }) => m.userId);
    expect(members).not.toContain(w.member.userId);

    // Banning again changes nothing and says so.
    const again = await ban(w.pub.slug, w.moderator, { userId: w.member.userId, reason: 'Again.' });
    expect(again.statusCode).toBe(200);
    expect(again.json().ban.reason).toBe('Harassed two members.');

    // Out of the group: members-only things are refused, joining is refused with BANNED.
    expect((await t.call('GET', `/api/v1/groups/${w.pub.slug}/members`, { as: w.member })).statusCode).toBe(403);
    expect((await report(t, w.member, 'thread', w.pub.threadId)).statusCode).toBe(403);
    const refused = await join(w.pub.slug, w.member);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('BANNED');
    const token = (await t.call('POST', `/api/v1/groups/${w.pub.slug}/invitations`, { as: w.leader, body: {} })).json().invitation.token;
    const invited = await t.call('POST', `/api/v1/invitations/${token}/accept`, { as: w.member, body: { acceptCharter: true } });
    expect(invited.statusCode).toBe(403);
    expect(invited.json().error.code).toBe('BANNED');
    // The invitation was not used up by the refusal.
    expect((await t.call('GET', `/api/v1/invitations/${token}`)).statusCode).toBe(200);

    const bans = await t.call('GET', `/api/v1/groups/${w.pub.slug}/bans`, { as: w.leader });
    expect(bans.json()).toEqual({ bans: [res.json().ban] });

    const lifted = await t.call('DELETE', `/api/v1/groups/${w.pub.slug}/bans/${w.member.userId}`, { as: w.leader });
    expect(lifted.statusCode).toBe(204);
    expect((await t.call('DELETE', `/api/v1/groups/${w.pub.slug}/bans/${w.member.userId}`, { as: w.leader })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/v1/groups/${w.pub.slug}/bans`, { as: w.leader })).json().bans).toEqual([]);
    expect((await join(w.pub.slug, w.member)).statusCode).toBe(201);

    const log = (await t.call('GET', `/api/v1/groups/${w.pub.slug}/moderation/log`, { as: w.leader })).json().entries;
    expect(log.map((e: { action: string; targetUser: { displayName: string }; note: string | null }) => [e.action, e.targetUser.displayName, e.note])).toEqual([
      ['member.unbanned', 'Member', null],
      ['member.banned', 'Member', 'Harassed two members.'],
    ]);
  });

  it('refuses a banned person the group’s discussions', async () => {
    expect((await t.call('GET', `/api/v1/groups/${w.priv.slug}/threads`, { as: w.member })).statusCode).toBe(200);
    expect((await t.call('GET', `/api/v1/threads/${w.pub.threadId}`, { as: w.member })).statusCode).toBe(200);
    await ban(w.pub.slug, w.leader, { userId: w.member.userId });
    await ban(w.priv.slug, w.leader, { userId: w.member.userId });
    expect((await t.call('GET', `/api/v1/groups/${w.pub.slug}/threads`, { as: w.member })).statusCode).toBe(403);
    expect((await t.call('GET', `/api/v1/threads/${w.pub.threadId}`, { as: w.member })).statusCode).toBe(403);
    const hidden = await t.call('GET', `/api/v1/groups/${w.priv.slug}/threads`, { as: w.member });
    const missing = await t.call('GET', '/api/v1/groups/no-such-group/threads', { as: w.member });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(missing.body);
    expect((await t.call('GET', `/api/v1/threads/${w.priv.threadId}`, { as: w.member })).statusCode).toBe(404);
    // No longer a member of either group.
    expect((await t.call('GET', `/api/v1/groups/${w.priv.slug}`, { as: w.member })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/v1/groups/${w.pub.slug}`, { as: w.member })).json().group.viewer.membership).toBeNull();
    expect((await report(t, w.member, 'comment', w.priv.commentId)).statusCode).toBe(404);
  });

  it('revokes the same way when a leader removes a member, with an audit entry', async () => {
    const sessionId = await giveAccess(w.pub.id, w.pub.slug, w.member);
    // The one promoted reads French and lives in Montréal: the mail is in their language and zone.
    await db().updateTable('users').set({ locale: 'fr', time_zone: 'America/Montreal' }).where('id', '=', w.reporter.userId).execute();
    const res = await t.call('DELETE', `/api/v1/groups/${w.pub.slug}/members/${w.member.userId}`, { as: w.leader });
    expect(res.statusCode).toBe(204);
    expect(await accessOf(w.pub.id, sessionId, w.member)).toEqual(REVOKED);
    const mail = await db().selectFrom('outbox').selectAll().where('kind', '=', 'session-promoted').executeTakeFirstOrThrow();
    expect(mail).toMatchObject({
      to_address: w.reporter.email,
      recipient_id: w.reporter.userId,
      group_id: w.pub.id,
      dedupe_key: expect.stringMatching(new RegExp(`^promoted:${sessionId}:${FUTURE.occurrence}:${w.reporter.userId}:`)),
    });
    expect(mail.subject).toBe('Une place s’est libérée pour vous : Circle (Public circle)');
    // 18:00 UTC: 19:00 in Paris, 13:00 in Montréal.
    expect(mail.text_body).toMatch(/19:00 \(Paris\) · 13:00 .*\(Montr[ée]al\)/);
    expect(mail.text_body).toContain(`/sessions/${sessionId}?occurrence=${encodeURIComponent(FUTURE.startsAt)}`);
    const [entry] = (await t.call('GET', `/api/v1/groups/${w.pub.slug}/moderation/log`, { as: w.leader })).json().entries;
    expect(entry).toMatchObject({ action: 'member.removed', actor: { id: w.leader.userId }, targetUser: { id: w.member.userId, displayName: 'Member' } });
    // Removal is not a ban: they may come back.
    expect((await join(w.pub.slug, w.member)).statusCode).toBe(201);
  });

  it('revokes the same way when a member leaves, without an audit entry', async () => {
    const sessionId = await giveAccess(w.pub.id, w.pub.slug, w.member);
    expect((await t.call('POST', `/api/v1/groups/${w.pub.slug}/leave`, { as: w.member })).statusCode).toBe(204);
    expect(await accessOf(w.pub.id, sessionId, w.member)).toEqual(REVOKED);
    expect((await t.call('GET', `/api/v1/groups/${w.pub.slug}/moderation/log`, { as: w.leader })).json().entries).toEqual([]);
  });

  it('bans from a private group too, and a pending request goes with the ban', async () => {
    const approval = (
      await t.call('POST', '/api/v1/groups', {
        as: w.leader,
        body: completeGroup({ name: 'By approval', structure: { membership: 'approval', format: 'cohort' } }),
      })
    ).json().group.slug;
    expect((await join(approval, w.stranger)).json().membership.status).toBe('pending');
    expect((await ban(approval, w.leader, { userId: w.stranger.userId })).statusCode).toBe(201);
    expect((await t.call('GET', `/api/v1/groups/${approval}/requests`, { as: w.leader })).json().requests).toEqual([]);
    expect((await join(approval, w.stranger)).json().error.code).toBe('BANNED');

    // A platform moderator bans from a private group they are not in.
    expect((await ban(w.priv.slug, w.moderator, { userId: w.reporter.userId, reason: null })).statusCode).toBe(201);
    expect((await t.call('GET', `/api/v1/groups/${w.priv.slug}`, { as: w.reporter })).statusCode).toBe(404);
    // Banning someone who was never a member keeps them out before they arrive.
    expect((await ban(w.pub.slug, w.leader, { userId: w.stranger.userId })).statusCode).toBe(201);
    expect((await join(w.pub.slug, w.stranger)).json().error.code).toBe('BANNED');
  });

  it('never bans the last leader, oneself, nobody, or (for leaders) a platform moderator', async () => {
    const last = await ban(w.pub.slug, w.moderator, { userId: w.leader.userId });
    expect(last.statusCode).toBe(409);
    expect(last.json().error.code).toBe('LAST_LEADER');
    const self = await ban(w.pub.slug, w.leader, { userId: w.leader.userId });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.issues).toEqual([{ path: 'userId', message: 'You cannot ban yourself.' }]);
    const nobody = await ban(w.pub.slug, w.leader, { userId: randomUUID() });
    expect(nobody.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['userId']);

    // Leaders may not ban a platform moderator who is a member; another platform moderator may.
    await addMember(t, w.pub.slug, w.leader, w.moderator);
    expect((await ban(w.pub.slug, w.leader, { userId: w.moderator.userId })).statusCode).toBe(403);
    expect((await ban(w.pub.slug, w.leader, { userId: w.admin.userId })).statusCode).toBe(403);
    expect((await ban(w.pub.slug, w.admin, { userId: w.moderator.userId })).statusCode).toBe(201);

    // A co-leader may be banned while another leader remains.
    await t.call('POST', `/api/v1/groups/${w.pub.slug}/members/${w.member.userId}/promote`, { as: w.leader, body: { leaderType: 'peer' } });
    expect((await ban(w.pub.slug, w.leader, { userId: w.member.userId })).statusCode).toBe(201);
    const leaders = (await t.call('GET', `/api/v1/groups/${w.pub.slug}`, { as: w.leader })).json().group.leaders.map((l: { userId: string }) => l.userId);
    expect(leaders).toEqual([w.leader.userId]);
  });

  it('validates bans with each field named', async () => {
    const res = await ban(w.pub.slug, w.leader, { userId: 'someone', reason: 'x'.repeat(1001) });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['reason', 'userId']);
    expect((await ban(w.pub.slug, w.leader, {})).json().error.issues.map((i: { path: string }) => i.path)).toEqual(['userId']);
    expect(
      (await t.call('DELETE', `/api/v1/groups/${w.pub.slug}/bans/nope`, { as: w.leader })).json().error.issues.map((i: { path: string }) => i.path),
    ).toEqual(['params.userId']);
  });

  it('lets a second platform moderator be named by setting the flag', async () => {
    const helper = await t.signUp({ displayName: 'Helper' });
    expect((await t.call('GET', '/api/v1/moderation/reports', { as: helper })).statusCode).toBe(403);
    await makeModerator(t, helper);
    expect((await t.call('GET', '/api/v1/moderation/reports', { as: helper })).statusCode).toBe(200);
  });
});
