import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../tests/support/databases.ts';
import { startTestApp, type Caller, type TestClient } from '../../../../tests/support/http.ts';
import { declaredRoutes, type DeclaredRoute } from '../../platform/http/route-access.ts';
import { isMailSubjectVisible, isPostVisible } from '../discussions/discussions.hooks.ts';
import { addMember, buildWorld, insertComment, insertThread, report, type GroupFixture, type World } from './moderation.test-support.ts';

type Method = 'GET' | 'POST' | 'DELETE';

/** What a route needs to be called: ids of one group's things (or missing ones). */
interface Subject {
  slug: string;
  threadId: string;
  commentId: string;
  reportId: string;
  target: string;
}

/** report: members who can read the post; moderate: the group's moderators; platform: platform moderators. */
type Kind = 'report' | 'moderate' | 'platform';

/** A moderation route as declared in the route table, with what it takes to call it. */
interface Route {
  method: Method;
  url: string;
  kind: Kind;
}

/** Every moderation route, as the routes declare themselves (`config.access`), in the order they were registered. */
function moderationRoutes(t: TestClient): Route[] {
  const kindOf = (route: DeclaredRoute): Kind | null => {
    if (route.access === 'platform-moderator') return 'platform';
    if (typeof route.access !== 'object') return null;
    return route.access.group === 'report' ? 'report' : route.access.group === 'moderate' ? 'moderate' : null;
  };
  return declaredRoutes(t.app).flatMap((route) => {
    const kind = kindOf(route);
    return kind ? [{ method: route.method as Method, url: route.url, kind }] : [];
  });
}

/** The route's URL for one group's things: `:id` by what it names. */
function pathOf(route: Route, s: Subject): string {
  const ids: Record<string, string> = { threads: s.threadId, comments: s.commentId, reports: s.reportId };
  return route.url.replace(/:(\w+)/g, (_m, name: string, offset: number) => {
    if (name === 'slug') return s.slug;
    if (name === 'userId') return s.target;
    const named = ids[route.url.slice(0, offset).split('/').at(-2) ?? ''];
    if (name === 'id' && named) return named;
    throw new Error(`no value for :${name} in ${route.url}`);
  });
}

/** A body that passes validation: the schemas' required fields, and notes where they may be. */
function bodyOf(route: Route, s: Subject): unknown {
  if (route.url.endsWith('/reports') && route.method === 'POST')
    return route.url.startsWith('/api/v1/threads') ? { reason: 'spam' } : { reason: 'other', note: 'Off.' };
  if (route.url.endsWith('/bans') && route.method === 'POST') return { userId: s.target, reason: 'Repeated harassment.' };
  if (route.url.endsWith('/lock') || route.url.endsWith('/resolve')) return { note: 'Cooling off.' };
  return undefined;
}

const label = (r: Route, s: Subject) => `${r.method} ${pathOf(r, s)}`;

describe.each(testDialects())('moderation on $dialect', ({ open }) => {
  let t: TestClient;
  let w: World;
  /** Every response body, to check none gives away an address. */
  let bodies: string[];
  let addresses: string[];
  /** Taken from the route table, so that a new moderation route is called here too. */
  let routes: Route[];

  beforeEach(async () => {
    t = await startTestApp(await open());
    bodies = [];
    const call = t.call.bind(t);
    t.call = async (method, url, options = {}) => {
      const res = await call(method, url, options);
      if (!url.startsWith('/api/v1/auth/')) bodies.push(res.body);
      return res;
    };
    w = await buildWorld(t);
    addresses = [w.admin, w.moderator, w.leader, w.member, w.reporter, w.otherLeader, w.stranger].map((c) => c.email.toLowerCase());
    routes = moderationRoutes(t);
    expect(new Set(routes.map((r) => r.kind))).toEqual(new Set(['report', 'moderate', 'platform']));
  });

  afterEach(async () => {
    const leaks = bodies.filter((b) => addresses.some((a) => b.toLowerCase().includes(a)));
    await t.close();
    expect(leaks).toEqual([]);
  });

  const call = (r: Route, s: Subject, as: Caller | null) => t.call(r.method, pathOf(r, s), { as, body: bodyOf(r, s) });

  /** A group's subject: its posts, an open report by the reporter, and a plain member to ban. */
  async function subjectOf(g: GroupFixture, privateGroup: boolean): Promise<Subject> {
    const res = await report(t, w.reporter, 'thread', g.threadId);
    expect(res.statusCode, res.body).toBe(201);
    const target = await t.signUp({ displayName: `Target of ${g.slug}` });
    await addMember(t, g.slug, w.leader, target, privateGroup);
    return { slug: g.slug, threadId: g.threadId, commentId: g.commentId, reportId: res.json().report.id, target: target.userId };
  }

  it('lets a member without a role report, and refuses them everything else (403)', async () => {
    const pub = await subjectOf(w.pub, false);
    for (const route of routes) {
      const res = await call(route, pub, w.member);
      expect(res.statusCode, label(route, pub)).toBe(route.kind === 'report' ? 201 : 403);
    }
  });

  it('lets platform moderators and admins moderate every group, private ones included', async () => {
    for (const as of [w.moderator, w.admin]) {
      for (const [g, priv] of [
        [w.pub, false],
        [w.priv, true],
      ] as const) {
        const subject = await subjectOf(g, priv);
        for (const route of routes) {
          const res = await call(route, subject, as);
          // Reporting is for members; platform moderators act directly instead.
          const expected =
            route.kind === 'report' ? [403] : route.method === 'DELETE' ? [204] : route.url.endsWith('/bans') && route.method === 'POST' ? [201] : [200];
          expect(expected, `${label(route, subject)} → ${res.statusCode} ${res.body}`).toContain(res.statusCode);
        }
        // Leave the posts as they were for the next round.
        await t.db.db.updateTable('threads').set({ hidden_at: null, locked_at: null }).where('id', '=', g.threadId).execute();
        await t.db.db.updateTable('comments').set({ hidden_at: null }).where('id', '=', g.commentId).execute();
      }
    }
  });

  it('lets the group’s leaders moderate it', async () => {
    const priv = await subjectOf(w.priv, true);
    for (const route of routes.filter((r) => r.kind === 'moderate')) {
      const res = await call(route, priv, w.leader);
      expect(res.statusCode, `${label(route, priv)} ${res.body}`).toBeLessThan(300);
    }
    for (const route of routes.filter((r) => r.kind === 'platform')) expect((await call(route, priv, w.leader)).statusCode).toBe(403);
  });

  it('takes a report from a member to the queue, and hiding the post resolves it, all in the log', async () => {
    const long = `${'Ça suffit 👩🏽‍⚕️ '.repeat(40)}`;
    const commentId = await insertComment(t, w.pub.threadId, w.member.userId, long);
    const first = await report(t, w.reporter, 'comment', commentId, { reason: 'harassment', note: 'Third time this week.' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ report: { id: expect.any(String), status: 'open', createdAt: expect.stringMatching(/Z$/) } });
    // The same person reporting the same post again gets the open report back.
    const again = await report(t, w.reporter, 'comment', commentId, { reason: 'spam' });
    expect(again.statusCode).toBe(200);
    expect(again.json().report.id).toBe(first.json().report.id);

    // Leaders are told, without the reporter's name or the post's words.
    const notes = await t.db.db.selectFrom('notifications').selectAll().where('kind', '=', 'report.created').execute();
    expect(notes.map((n) => [n.user_id, n.group_id, n.comment_id, n.thread_id, n.actor_id, n.read_at])).toEqual([
      [w.leader.userId, w.pub.id, commentId, w.pub.threadId, null, null],
    ]);

    const queue = await t.call('GET', `/api/v1/groups/${w.pub.slug}/moderation/reports`, { as: w.leader });
    expect(queue.statusCode).toBe(200);
    expect(queue.json()).toEqual({
      nextBefore: null,
      reports: [
        {
          id: first.json().report.id,
          reason: 'harassment',
          note: 'Third time this week.',
          status: 'open',
          createdAt: first.json().report.createdAt,
          resolvedAt: null,
          reporter: { id: w.reporter.userId, displayName: 'Reporter' },
          group: { slug: w.pub.slug, name: 'Public circle' },
          target: {
            kind: 'comment',
            id: commentId,
            threadId: w.pub.threadId,
            threadTitle: 'A hard week',
            excerpt: Array.from(long).slice(0, 280).join(''),
            author: { id: w.member.userId, displayName: 'Member' },
            hidden: false,
            threadHidden: false,
            locked: false,
            deleted: false,
          },
        },
      ],
    });
    // The platform queue shows it too; the private group's queue does not.
    const all = await t.call('GET', '/api/v1/moderation/reports?status=open', { as: w.moderator });
    expect(all.json().reports.map((r: { id: string }) => r.id)).toEqual([first.json().report.id]);
    expect((await t.call('GET', `/api/v1/groups/${w.priv.slug}/moderation/reports`, { as: w.leader })).json().reports).toEqual([]);

    const hidden = await t.call('POST', `/api/v1/comments/${commentId}/hide`, { as: w.leader, body: { note: 'Personal attack.' } });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(hidden.json()).toEqual({ comment: { id: commentId, threadId: w.pub.threadId, hidden: true, hiddenAt: expect.any(String) } });
    expect(await isPostVisible(t.db.db, { threadId: w.pub.threadId, commentId })).toBe(false);
    expect(await isPostVisible(t.db.db, { threadId: w.pub.threadId, commentId: w.pub.commentId })).toBe(true);
    // The mail guard asks by the outbox row's subject, a thread or a comment.
    expect(await isMailSubjectVisible(t.db.db, commentId)).toBe(false);
    expect(await isMailSubjectVisible(t.db.db, w.pub.commentId)).toBe(true);
    expect(await isMailSubjectVisible(t.db.db, w.pub.threadId)).toBe(true);
    expect(await isMailSubjectVisible(t.db.db, randomUUID())).toBe(true);

    expect((await t.call('GET', `/api/v1/groups/${w.pub.slug}/moderation/reports`, { as: w.leader })).json().reports).toEqual([]);
    const resolved = (await t.call('GET', `/api/v1/groups/${w.pub.slug}/moderation/reports?status=resolved`, { as: w.leader })).json().reports;
    expect(resolved).toHaveLength(1);
    expect(resolved[0]).toMatchObject({ status: 'resolved', resolvedAt: expect.any(String), target: { hidden: true, threadHidden: false } });

    // A hidden post shows as a placeholder: there is nothing left to report.
    const gone = await report(t, w.member, 'comment', commentId);
    expect(gone.statusCode).toBe(409);
    expect(gone.json().error.code).toBe('CONFLICT');

    const log = await t.call('GET', `/api/v1/groups/${w.pub.slug}/moderation/log`, { as: w.leader });
    expect(log.statusCode).toBe(200);
    const entries = log.json().entries;
    expect(entries.map((e: { action: string }) => e.action).sort()).toEqual(['comment.hidden', 'report.resolved']);
    const hideEntry = entries.find((e: { action: string }) => e.action === 'comment.hidden');
    expect(hideEntry).toEqual({
      id: expect.any(String),
      action: 'comment.hidden',
      group: { slug: w.pub.slug, name: 'Public circle' },
      actor: { id: w.leader.userId, displayName: 'Leader' },
      targetUser: { id: w.member.userId, displayName: 'Member' },
      thread: { id: w.pub.threadId, title: 'A hard week' },
      comment: { id: commentId, threadId: w.pub.threadId },
      report: null,
      note: 'Personal attack.',
      createdAt: expect.any(String),
    });
    const resolvedEntry = entries.find((e: { action: string }) => e.action === 'report.resolved');
    expect(resolvedEntry.report).toEqual({ id: first.json().report.id, reason: 'harassment', status: 'resolved' });
    const platformLog = await t.call('GET', '/api/v1/moderation/log', { as: w.admin });
    expect(
      platformLog
        .json()
        .entries.map((e: { id: string }) => e.id)
        .sort(),
    ).toEqual(entries.map((e: { id: string }) => e.id).sort());

    // Unhiding shows it again, and is logged.
    expect((await t.call('POST', `/api/v1/comments/${commentId}/unhide`, { as: w.moderator })).json().comment.hidden).toBe(false);
    expect(await isPostVisible(t.db.db, { threadId: w.pub.threadId, commentId })).toBe(true);
    expect((await t.call('GET', `/api/v1/groups/${w.pub.slug}/moderation/log`, { as: w.leader })).json().entries[0]).toMatchObject({
      action: 'comment.unhidden',
      actor: { displayName: 'Platform Moderator' },
    });
  });

  it('hides and locks threads; setting a flag to what it is changes nothing', async () => {
    const threadId = await insertThread(t, w.pub.id, w.member.userId, { title: 'Rant', body: 'x'.repeat(300) });
    const r = await report(t, w.reporter, 'thread', threadId, { reason: 'off-topic' });
    const lock = await t.call('POST', `/api/v1/threads/${threadId}/lock`, { as: w.leader });
    expect(lock.json()).toEqual({ thread: { id: threadId, hidden: false, hiddenAt: null, locked: true, lockedAt: expect.any(String) } });
    expect((await t.call('POST', `/api/v1/threads/${threadId}/lock`, { as: w.leader })).json().thread.lockedAt).toBe(lock.json().thread.lockedAt);
    // A locked thread can still be reported; the queue says it is locked.
    const queued = (await t.call('GET', `/api/v1/groups/${w.pub.slug}/moderation/reports`, { as: w.leader }))
      .json()
      .reports.find((x: { id: string }) => x.id === r.json().report.id);
    expect(queued.target).toMatchObject({ kind: 'thread', title: 'Rant', excerpt: 'x'.repeat(280), locked: true, hidden: false });
    expect(queued.target.threadTitle).toBeUndefined();

    expect((await t.call('POST', `/api/v1/threads/${threadId}/hide`, { as: w.leader })).json().thread).toMatchObject({ hidden: true, locked: true });
    expect(await isPostVisible(t.db.db, { threadId })).toBe(false);
    expect(await isMailSubjectVisible(t.db.db, threadId)).toBe(false);
    // The comments of a hidden thread go with it.
    const commentId = await insertComment(t, threadId, w.reporter.userId);
    expect(await isPostVisible(t.db.db, { threadId, commentId })).toBe(false);
    expect(await isMailSubjectVisible(t.db.db, commentId)).toBe(false);
    expect((await report(t, w.member, 'comment', commentId)).statusCode).toBe(409);
    expect((await report(t, w.member, 'thread', threadId)).statusCode).toBe(409);
    // Members see the hidden thread's placeholder, and may not moderate it.
    expect((await t.call('POST', `/api/v1/threads/${threadId}/unhide`, { as: w.member })).statusCode).toBe(403);
    // Deleted posts are gone for everyone.
    await t.db.db.updateTable('comments').set({ deleted_at: new Date().toISOString() }).where('id', '=', commentId).execute();
    expect((await t.call('POST', `/api/v1/comments/${commentId}/unhide`, { as: w.leader })).statusCode).toBe(404);
    expect(await isMailSubjectVisible(t.db.db, commentId)).toBe(false);
    expect(
      (await t.call('GET', `/api/v1/groups/${w.pub.slug}/moderation/reports?status=resolved`, { as: w.leader }))
        .json()
        .reports.map((x: { id: string }) => x.id),
    ).toEqual([r.json().report.id]);

    await t.call('POST', `/api/v1/threads/${threadId}/unhide`, { as: w.leader });
    await t.call('POST', `/api/v1/threads/${threadId}/unlock`, { as: w.leader });
    const actions = (await t.call('GET', `/api/v1/groups/${w.pub.slug}/moderation/log`, { as: w.leader }))
      .json()
      .entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual([
      'thread.unlocked',
      'thread.unhidden',
      expect.stringMatching(/^(thread\.hidden|report\.resolved)$/),
      expect.stringMatching(/^(thread\.hidden|report\.resolved)$/),
      'thread.locked',
    ]);
  });

  it('tells a hidden comment from a comment of a hidden thread in the queue, so the right one can be shown again', async () => {
    const threadId = await insertThread(t, w.pub.id, w.member.userId, { title: 'Heated' });
    const commentId = await insertComment(t, threadId, w.member.userId);
    const commentReport = (await report(t, w.reporter, 'comment', commentId, { reason: 'harassment' })).json().report.id;
    const threadReport = (await report(t, w.reporter, 'thread', threadId, { reason: 'off-topic' })).json().report.id;
    /** The report's target as the queue shows it, in whichever list holds it now. */
    const targetOf = async (id: string) => {
      for (const status of ['open', 'resolved', 'dismissed']) {
        const found = (await t.call('GET', `/api/v1/groups/${w.pub.slug}/moderation/reports?status=${status}`, { as: w.leader }))
          .json()
          .reports.find((r: { id: string }) => r.id === id);
        if (found) return found.target;
      }
      throw new Error(`report ${id} not found`);
    };
    const flags = (target: { hidden: boolean; threadHidden: boolean }) => ({ hidden: target.hidden, threadHidden: target.threadHidden });

    expect(flags(await targetOf(commentReport))).toEqual({ hidden: false, threadHidden: false });
    // The thread is hidden: the comment itself is not, its thread is (and its report stays open).
    expect((await t.call('POST', `/api/v1/threads/${threadId}/hide`, { as: w.leader })).statusCode).toBe(200);
    expect(flags(await targetOf(commentReport))).toEqual({ hidden: false, threadHidden: true });
    expect(flags(await targetOf(threadReport))).toEqual({ hidden: true, threadHidden: true });
    // Both hidden.
    expect((await t.call('POST', `/api/v1/comments/${commentId}/hide`, { as: w.leader })).statusCode).toBe(200);
    expect(flags(await targetOf(commentReport))).toEqual({ hidden: true, threadHidden: true });
    // The thread shown again: only the comment stays hidden.
    expect((await t.call('POST', `/api/v1/threads/${threadId}/unhide`, { as: w.leader })).statusCode).toBe(200);
    expect(flags(await targetOf(commentReport))).toEqual({ hidden: true, threadHidden: false });
    expect(flags(await targetOf(threadReport))).toEqual({ hidden: false, threadHidden: false });
  });

  it('resolves and dismisses reports, with the note in the log', async () => {
    const r = (await report(t, w.reporter, 'thread', w.priv.threadId, { reason: 'privacy', note: 'Names a person.' })).json().report.id;
    const dismissed = await t.call('POST', `/api/v1/reports/${r}/dismiss`, { as: w.leader, body: { note: 'No name in it.' } });
    expect(dismissed.statusCode).toBe(200);
    expect(dismissed.json().report).toMatchObject({ id: r, status: 'dismissed', reason: 'privacy', note: 'Names a person.', group: { slug: w.priv.slug } });
    // A closed report is not the reporter's open one: reporting again opens a new one.
    const second = await report(t, w.reporter, 'thread', w.priv.threadId, { reason: 'privacy' });
    expect(second.statusCode).toBe(201);
    expect(second.json().report.id).not.toBe(r);
    const resolved = await t.call('POST', `/api/v1/reports/${r}/resolve`, { as: w.moderator });
    expect(resolved.json().report.status).toBe('resolved');
    const entries = (await t.call('GET', `/api/v1/groups/${w.priv.slug}/moderation/log`, { as: w.leader })).json().entries;
    expect(entries.map((e: { action: string; note: string | null }) => [e.action, e.note])).toEqual([
      ['report.resolved', null],
      ['report.dismissed', 'No name in it.'],
    ]);
    // The reporter may not close reports, even their own.
    expect((await t.call('POST', `/api/v1/reports/${second.json().report.id}/dismiss`, { as: w.reporter })).statusCode).toBe(403);
  });

  it('validates reports, notes and queries with each field named', async () => {
    const bad = await report(t, w.member, 'thread', w.pub.threadId, { reason: 'boring', note: 'x'.repeat(1001) });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['note', 'reason']);
    expect((await report(t, w.member, 'thread', w.pub.threadId, {})).json().error.issues.map((i: { path: string }) => i.path)).toEqual(['reason']);
    expect((await report(t, w.member, 'thread', 'not-an-id', { reason: 'spam' })).json().error.issues.map((i: { path: string }) => i.path)).toEqual([
      'params.id',
    ]);
    expect((await report(t, w.member, 'thread', w.pub.threadId, { reason: 'spam', note: '   ' })).statusCode).toBe(400);
    expect((await report(t, w.member, 'thread', w.pub.threadId, '{"reason": ')).statusCode).toBe(400);
    const note = await t.call('POST', `/api/v1/threads/${w.pub.threadId}/lock`, { as: w.leader, body: { note: 42 } });
    expect(note.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['note']);
    const query = await t.call('GET', `/api/v1/groups/${w.pub.slug}/moderation/reports?status=all&limit=1000&before=x`, { as: w.leader });
    expect(query.statusCode).toBe(400);
    expect(
      query
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['query.before', 'query.limit', 'query.status']);
    // Worded in the caller's language (their account's, else Accept-Language).
    const fr = await t.call('GET', `/api/v1/groups/${w.pub.slug}/moderation/log?limit=0`, { headers: { 'accept-language': 'fr' } });
    expect(fr.json().error).toEqual({
      code: 'VALIDATION',
      message: 'Certains champs demandent votre attention.',
      issues: [{ path: 'query.limit', message: 'Indiquez un nombre d’au moins 1.' }],
    });
  });

  it('pages the audit log and the queue, newest first', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const threadId = await insertThread(t, w.pub.id, w.member.userId, { title: `Thread ${i}` });
      ids.push((await report(t, w.reporter, 'thread', threadId, { reason: 'spam' })).json().report.id);
      await t.call('POST', `/api/v1/threads/${threadId}/lock`, { as: w.leader });
    }
    const seen: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page: { entries: { id: string; createdAt: string }[]; nextBefore: string | null } = (
        await t.call('GET', `/api/v1/groups/${w.pub.slug}/moderation/log?limit=2${before ? `&before=${before}` : ''}`, { as: w.leader })
      ).json();
      seen.push(...page.entries.map((e) => e.id));
      if (!page.nextBefore) break;
      before = page.nextBefore;
    }
    const all = (await t.call('GET', `/api/v1/groups/${w.pub.slug}/moderation/log`, { as: w.leader })).json().entries;
    expect(all).toHaveLength(5);
    expect(seen).toEqual(all.map((e: { id: string }) => e.id));
    const times = all.map((e: { createdAt: string }) => e.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const first = (await t.call('GET', `/api/v1/groups/${w.pub.slug}/moderation/reports?limit=3`, { as: w.leader })).json();
    expect(first.reports).toHaveLength(3);
    const rest = (await t.call('GET', `/api/v1/groups/${w.pub.slug}/moderation/reports?limit=3&before=${first.nextBefore}`, { as: w.leader })).json();
    expect(rest.nextBefore).toBeNull();
    expect([...first.reports, ...rest.reports].map((r: { id: string }) => r.id).sort()).toEqual([...ids].sort());
  });

  it('keeps the audit log append-only: no route changes or removes an entry', async () => {
    await t.call('POST', `/api/v1/threads/${w.pub.threadId}/lock`, { as: w.leader });
    const [entry] = (await t.call('GET', `/api/v1/groups/${w.pub.slug}/moderation/log`, { as: w.admin })).json().entries;
    for (const method of ['DELETE', 'PATCH', 'PUT'] as const) {
      for (const url of [`/api/v1/moderation/log/${entry.id}`, `/api/v1/groups/${w.pub.slug}/moderation/log`, '/api/v1/moderation/log']) {
        expect((await t.call(method, url, { as: w.admin, body: {} })).statusCode, `${method} ${url}`).toBe(404);
      }
    }
    expect((await t.call('GET', '/api/v1/moderation/log', { as: w.admin })).json().entries).toEqual([entry]);
  });
});
