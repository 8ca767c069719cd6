import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../tests/support/databases.ts';
import { startTestApp, type Caller, type TestClient } from '../../../../tests/support/http.ts';
import { buildWorld, postComment, postThread, type World } from '../discussions/discussions.test-support.ts';

describe.each(testDialects())('notifications on $dialect', ({ open }) => {
  let t: TestClient;
  let w: World;

  beforeEach(async () => {
    t = await startTestApp(await open());
    w = await buildWorld(t);
  });
  afterEach(async () => t.close());

  async function list(as: Caller, query = '') {
    const res = await t.call('GET', `/api/v1/me/notifications${query}`, { as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }
  async function unread(as: Caller): Promise<number> {
    const res = await t.call('GET', '/api/v1/me/notifications/unread-count', { as });
    expect(res.statusCode).toBe(200);
    return res.json().unreadCount;
  }

  it('tells every other active member of a new thread and a new comment, never the author', async () => {
    const thread = await postThread(t, w.pub, w.member, { title: 'Night shifts', body: 'x' });
    const comment = await postComment(t, thread.id, w.other);

    const leaderView = await list(w.leader);
    expect(leaderView).toEqual({
      notifications: [
        {
          id: expect.any(String),
          kind: 'comment.created',
          group: { slug: w.pub, name: 'Open circle' },
          thread: { id: thread.id, title: 'Night shifts' },
          commentId: comment.id,
          actor: { displayName: 'Other' },
          createdAt: comment.createdAt,
          readAt: null,
        },
        {
          id: expect.any(String),
          kind: 'thread.created',
          group: { slug: w.pub, name: 'Open circle' },
          thread: { id: thread.id, title: 'Night shifts' },
          commentId: null,
          actor: { displayName: 'Member' },
          createdAt: thread.createdAt,
          readAt: null,
        },
      ],
      unreadCount: 2,
      nextBefore: null,
    });
    expect((await list(w.member)).notifications.map((n: { kind: string }) => n.kind)).toEqual(['comment.created']);
    expect((await list(w.other)).notifications.map((n: { kind: string }) => n.kind)).toEqual(['thread.created']);
    expect((await list(w.stranger)).notifications).toEqual([]);
    expect([await unread(w.leader), await unread(w.member), await unread(w.other), await unread(w.stranger)]).toEqual([2, 1, 1, 0]);
    // Pending members are not told.
    const pending = await t.signUp({ displayName: 'Pending' });
    await t.db.db
      .insertInto('memberships')
      .values({
        group_id: (await t.db.db.selectFrom('groups').select('id').where('slug', '=', w.pub).executeTakeFirstOrThrow()).id,
        user_id: pending.userId,
        role: 'member',
        status: 'pending',
        leader_type: null,
        profession: null,
        charter_version: 1,
        charter_accepted_at: new Date().toISOString(),
        created_at: new Date().toISOString(),
        joined_at: null,
      })
      .execute();
    await postThread(t, w.pub, w.member, { title: 'Another', body: 'x' });
    expect(await unread(pending)).toBe(0);
  });

  it('marks some or all as read and answers the new unread count', async () => {
    const a = await postThread(t, w.pub, w.member, { title: 'A', body: 'x' });
    await postThread(t, w.pub, w.member, { title: 'B', body: 'x' });
    await postComment(t, a.id, w.member);
    const mine = (await list(w.leader)).notifications;
    expect(mine).toHaveLength(3);
    const others = (await list(w.other)).notifications;

    const some = await t.call('POST', '/api/v1/me/notifications/read', { as: w.leader, body: { ids: [mine[0].id, others[0].id, 'no-such-id'] } });
    expect(some.statusCode).toBe(200);
    expect(some.json()).toEqual({ unreadCount: 2 });
    expect((await list(w.leader)).notifications[0].readAt).toEqual(expect.any(String));
    // Someone else's id did nothing to theirs.
    expect(await unread(w.other)).toBe(3);

    const all = await t.call('POST', '/api/v1/me/notifications/read', { as: w.leader, body: { all: true } });
    expect(all.json()).toEqual({ unreadCount: 0 });
    expect((await list(w.leader)).unreadCount).toBe(0);
  });

  it('validates what to mark read, naming the field', async () => {
    const cases: [unknown, string[]][] = [
      [{}, ['body']],
      [{ ids: ['x'], all: true }, ['body']],
      [{ all: false }, ['all']],
      [{ ids: 'x' }, ['ids']],
      [{ ids: [''] }, ['ids.0']],
      [{ ids: Array.from({ length: 501 }, (_, i) => `n${i}`) }, ['ids']],
    ];
    for (const [body, paths] of cases) {
      const res = await t.call('POST', '/api/v1/me/notifications/read', { as: w.member, body });
      expect(res.statusCode, JSON.stringify(body).slice(0, 50)).toBe(400);
      expect(
        res.json().error.issues.map((i: { path: string }) => i.path),
        JSON.stringify(body).slice(0, 50),
      ).toEqual(paths);
    }
    for (const query of ['?limit=0', '?limit=101', '?before=soon', '?before=2027-01-01T00:00:00.000Z~bad%20id']) {
      const res = await t.call('GET', `/api/v1/me/notifications${query}`, { as: w.member });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.issues[0].path, query).toMatch(/^query\./);
    }
  });

  it('asks anonymous callers to sign in', async () => {
    for (const [method, url, body] of [
      ['GET', '/api/v1/me/notifications'],
      ['GET', '/api/v1/me/notifications/unread-count'],
      ['POST', '/api/v1/me/notifications/read', { all: true }],
    ] as const) {
      const res = await t.call(method, url, { as: null, ...(body ? { body } : {}) });
      expect([url, res.statusCode]).toEqual([url, 401]);
    }
  });

  it('pages from newest to oldest', async () => {
    for (const title of ['1', '2', '3', '4', '5']) await postThread(t, w.pub, w.member, { title, body: 'x' });
    const first = await list(w.leader, '?limit=2');
    expect(first.notifications.map((n: { thread: { title: string } }) => n.thread.title)).toEqual(['5', '4']);
    expect(first.unreadCount).toBe(5);
    const second = await list(w.leader, `?limit=2&before=${encodeURIComponent(first.nextBefore)}`);
    expect(second.notifications.map((n: { thread: { title: string } }) => n.thread.title)).toEqual(['3', '2']);
    const third = await list(w.leader, `?limit=2&before=${encodeURIComponent(second.nextBefore)}`);
    expect(third.notifications.map((n: { thread: { title: string } }) => n.thread.title)).toEqual(['1']);
    expect(third.nextBefore).toBeNull();
  });

  it('shows nothing of a group once the reader is no longer an active member, nor of hidden or deleted posts', async () => {
    const thread = await postThread(t, w.priv, w.member, { title: 'Private matters', body: 'x' });
    const comment = await postComment(t, thread.id, w.member, 'more');
    const kept = await postThread(t, w.pub, w.member, { title: 'Public matters', body: 'x' });
    expect(await unread(w.other)).toBe(3);

    // Membership gone (taken away directly, so only the reading check stands between them).
    const priv = (await t.db.db.selectFrom('groups').select('id').where('slug', '=', w.priv).executeTakeFirstOrThrow()).id;
    const row = await t.db.db
      .selectFrom('memberships')
      .selectAll()
      .where('group_id', '=', priv)
      .where('user_id', '=', w.other.userId)
      .executeTakeFirstOrThrow();
    await t.db.db.deleteFrom('memberships').where('group_id', '=', priv).where('user_id', '=', w.other.userId).execute();
    expect((await list(w.other)).notifications.map((n: { thread: { id: string } }) => n.thread.id)).toEqual([kept.id]);
    expect(await unread(w.other)).toBe(1);
    expect((await t.call('POST', '/api/v1/me/notifications/read', { as: w.other, body: { all: true } })).json().unreadCount).toBe(0);
    await t.db.db.insertInto('memberships').values(row).execute();
    expect((await list(w.other)).notifications).toHaveLength(3);

    // A hidden comment, then a hidden thread, take their notifications with them.
    await t.db.db.updateTable('comments').set({ hidden_at: new Date().toISOString() }).where('id', '=', comment.id).execute();
    expect((await list(w.other)).notifications.map((n: { kind: string; thread: { title: string } }) => `${n.kind} ${n.thread.title}`)).toEqual([
      'thread.created Public matters',
      'thread.created Private matters',
    ]);
    await t.db.db.updateTable('threads').set({ hidden_at: new Date().toISOString() }).where('id', '=', thread.id).execute();
    expect((await list(w.other)).notifications).toHaveLength(1);
    // And so does a post its author deleted.
    expect((await t.call('DELETE', `/api/v1/threads/${kept.id}`, { as: w.member })).statusCode).toBe(204);
    expect(await list(w.other)).toEqual({ notifications: [], unreadCount: 0, nextBefore: null });
  });

  it('documents its routes in OpenAPI', async () => {
    const spec = (await t.call('GET', '/api/openapi.json')).json();
    expect(spec.paths['/api/v1/me/notifications']?.get).toBeDefined();
    expect(spec.paths['/api/v1/me/notifications/unread-count']?.get).toBeDefined();
    expect(spec.paths['/api/v1/me/notifications/read']?.post).toBeDefined();
  });
});
