import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../tests/support/databases.ts';
import { fixedClock } from '../../platform/clock.ts';
import { completeGroup, startTestApp, type Caller, type TestClient } from '../../../../tests/support/http.ts';
import { buildWorld, FIRST_START, postComment, postThread, SECOND_START, unsafeMarkup, WEEKLY, type World } from './discussions.test-support.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
interface Route {
  method: Method;
  path: string;
  body?: unknown;
}

/** What only a post's author may do (who may reach discussions at all: route-access.int.test.ts). */
const AUTHOR_ONLY: Route[] = [
  { method: 'PATCH', path: '/api/v1/threads/THREAD', body: { title: 'Changed' } },
  { method: 'DELETE', path: '/api/v1/threads/THREAD' },
  { method: 'PATCH', path: '/api/v1/comments/COMMENT', body: { body: 'Changed' } },
  { method: 'DELETE', path: '/api/v1/comments/COMMENT' },
];

interface Targets {
  slug: string;
  thread: string;
  comment: string;
  session: string;
  start: string;
}

const fill = (path: string, x: Targets) =>
  path
    .replace('SLUG', x.slug)
    .replace('THREAD', x.thread)
    .replace('COMMENT', x.comment)
    .replace('SESSION', x.session)
    .replace('START', encodeURIComponent(x.start));

describe.each(testDialects())('discussions on $dialect', ({ open }) => {
  let t: TestClient;
  let w: World;

  beforeEach(async () => {
    // Before the session whose recap thread a test opens (2 March 2027), whenever the suite runs.
    const clock = fixedClock('2027-03-01T09:00:00Z');
    t = await startTestApp(await open(), {}, { clock });
    // Each write a second after the last, as people post: "newest first" has an order to follow.
    const call = t.call.bind(t);
    t.call = (method, url, options) => {
      if (method !== 'GET') clock.advance(1000);
      return call(method, url, options);
    };
    w = await buildWorld(t);
  });
  afterEach(async () => t.close());

  async function scheduleIn(slug: string): Promise<string> {
    const res = await t.call('POST', `/api/v1/groups/${slug}/sessions`, { as: w.leader, body: WEEKLY });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().session.id;
  }

  /** A thread by `member` with a comment by `member`, and a session, in the group. */
  async function targetsIn(slug: string): Promise<Targets> {
    const thread = await postThread(t, slug, w.member);
    const comment = await postComment(t, thread.id, w.member);
    return { slug, thread: thread.id, comment: comment.id, session: await scheduleIn(slug), start: FIRST_START };
  }

  const call = (route: Route, x: Targets, as: Caller | null) =>
    t.call(route.method, fill(route.path, x), { as, ...(route.body !== undefined ? { body: route.body } : {}) });

  it('starts a thread, comments on it, and shows both to members with safe HTML', async () => {
    const thread = await postThread(t, w.pub, w.member, {
      title: 'Sleep after the diagnosis',
      body: 'How do you *cope* at night?\n\n- tea\n- [a guide](https://example.org/sleep)',
    });
    expect(thread).toEqual({
      id: expect.any(String),
      groupSlug: w.pub,
      title: 'Sleep after the diagnosis',
      body: 'How do you *cope* at night?\n\n- tea\n- [a guide](https://example.org/sleep)',
      html: '<p>How do you <em>cope</em> at night?</p>\n<ul>\n<li>tea</li>\n<li><a href="https://example.org/sleep" rel="nofollow noopener noreferrer ugc">a guide</a></li>\n</ul>\n',
      author: { id: w.member.userId, displayName: 'Member' },
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: thread.createdAt,
      editedAt: null,
      lastActivityAt: thread.createdAt,
      commentCount: 0,
      locked: false,
      hidden: false,
      deleted: false,
      session: null,
      source: 'web',
    });
    const comment = await postComment(t, thread.id, w.other, 'Same here.\nEvery night.');
    expect(comment).toEqual({
      id: expect.any(String),
      threadId: thread.id,
      body: 'Same here.\nEvery night.',
      html: '<p>Same here.<br />\nEvery night.</p>\n',
      author: { id: w.other.userId, displayName: 'Other' },
      createdAt: expect.any(String),
      updatedAt: comment.createdAt,
      editedAt: null,
      hidden: false,
      deleted: false,
      source: 'web',
    });

    const seen = await t.call('GET', `/api/v1/threads/${thread.id}`, { as: w.leader });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().thread).toMatchObject({ commentCount: 1, lastActivityAt: comment.createdAt });
    expect(seen.json().comments).toEqual([comment]);
  });

  it('lists threads by latest activity, newest first, a page at a time', async () => {
    const a = await postThread(t, w.pub, w.member, { title: 'A', body: 'a' });
    const b = await postThread(t, w.pub, w.member, { title: 'B', body: 'b' });
    const c = await postThread(t, w.pub, w.other, { title: 'C', body: 'c' });
    await postComment(t, a.id, w.leader);
    const all = await t.call('GET', `/api/v1/groups/${w.pub}/threads`, { as: w.member });
    expect(all.statusCode).toBe(200);
    expect(all.json().threads.map((x: { title: string }) => x.title)).toEqual(['A', 'C', 'B']);
    expect(all.json().nextBefore).toBeNull();

    const first = (await t.call('GET', `/api/v1/groups/${w.pub}/threads?limit=2`, { as: w.member })).json();
    expect(first.threads.map((x: { id: string }) => x.id)).toEqual([a.id, c.id]);
    expect(first.nextBefore).toEqual(expect.any(String));
    const second = (await t.call('GET', `/api/v1/groups/${w.pub}/threads?limit=2&before=${encodeURIComponent(first.nextBefore)}`, { as: w.member })).json();
    expect(second.threads.map((x: { id: string }) => x.id)).toEqual([b.id]);
    expect(second.nextBefore).toBeNull();
    // A thread in another group never shows up.
    await postThread(t, w.priv, w.member, { title: 'Elsewhere', body: 'x' });
    expect((await t.call('GET', `/api/v1/groups/${w.pub}/threads`, { as: w.member })).json().threads).toHaveLength(3);
  });

  it('lets only the author edit or delete a post: other members and leaders get 403', async () => {
    for (const slug of [w.pub, w.priv]) {
      const x = await targetsIn(slug);
      for (const route of AUTHOR_ONLY) {
        for (const who of [w.other, w.leader]) {
          const res = await call(route, x, who);
          expect([slug, route.method, route.path, res.statusCode]).toEqual([slug, route.method, route.path, 403]);
        }
      }
      // Nothing changed.
      const seen = (await t.call('GET', `/api/v1/threads/${x.thread}`, { as: w.member })).json();
      expect(seen.thread).toMatchObject({ title: 'Hello', deleted: false, editedAt: null });
      expect(seen.comments[0]).toMatchObject({ body: 'A **comment**', deleted: false, editedAt: null });
    }
  });

  it('records edits with their time, and keeps the rendered HTML in step', async () => {
    const thread = await postThread(t, w.pub, w.member);
    const comment = await postComment(t, thread.id, w.other);
    const edited = await t.call('PATCH', `/api/v1/threads/${thread.id}`, { as: w.member, body: { body: 'Now **bold**' } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().thread).toMatchObject({
      title: 'Hello',
      body: 'Now **bold**',
      html: '<p>Now <strong>bold</strong></p>\n',
      editedAt: expect.any(String),
    });
    const retitled = await t.call('PATCH', `/api/v1/threads/${thread.id}`, { as: w.member, body: { title: 'New title' } });
    expect(retitled.json().thread).toMatchObject({ title: 'New title', body: 'Now **bold**' });
    const changed = await t.call('PATCH', `/api/v1/comments/${comment.id}`, { as: w.other, body: { body: 'Changed my mind' } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().comment).toMatchObject({
      body: 'Changed my mind',
      html: '<p>Changed my mind</p>\n',
      editedAt: expect.any(String),
      createdAt: comment.createdAt,
    });
  });

  it('deletes a post for good: a placeholder stays, its words leave the database', async () => {
    const thread = await postThread(t, w.pub, w.member, { title: 'Regret', body: 'Something I should not have said' });
    const comment = await postComment(t, thread.id, w.other, 'My reply stays');
    const mine = await postComment(t, thread.id, w.member, 'And this too');

    expect((await t.call('DELETE', `/api/v1/comments/${mine.id}`, { as: w.member })).statusCode).toBe(204);
    expect((await t.call('DELETE', `/api/v1/comments/${mine.id}`, { as: w.member })).statusCode).toBe(204);
    expect((await t.call('DELETE', `/api/v1/threads/${thread.id}`, { as: w.member })).statusCode).toBe(204);

    const seen = (await t.call('GET', `/api/v1/threads/${thread.id}`, { as: w.leader })).json();
    expect(seen.thread).toMatchObject({ title: '', body: '', html: '', author: null, deleted: true, commentCount: 2 });
    expect(seen.comments).toEqual([
      expect.objectContaining({ id: comment.id, body: 'My reply stays', deleted: false }),
      expect.objectContaining({ id: mine.id, body: '', html: '', author: null, deleted: true }),
    ]);
    const rows = await t.db.db.selectFrom('threads').select(['title', 'body', 'deleted_at']).where('id', '=', thread.id).executeTakeFirstOrThrow();
    expect(rows).toEqual({ title: '', body: '', deleted_at: expect.any(String) });
    const commentRow = await t.db.db.selectFrom('comments').select(['body']).where('id', '=', mine.id).executeTakeFirstOrThrow();
    expect(commentRow.body).toBe('');

    // Listed while others' comments live under it; no longer open to comments or edits.
    const list = (await t.call('GET', `/api/v1/groups/${w.pub}/threads`, { as: w.other })).json().threads;
    expect(list).toEqual([expect.objectContaining({ id: thread.id, deleted: true, title: '' })]);
    expect((await t.call('POST', `/api/v1/threads/${thread.id}/comments`, { as: w.other, body: { body: 'x' } })).json().error.code).toBe('THREAD_LOCKED');
    expect((await t.call('PATCH', `/api/v1/threads/${thread.id}`, { as: w.member, body: { title: 'Back' } })).statusCode).toBe(409);
    expect((await t.call('PATCH', `/api/v1/comments/${mine.id}`, { as: w.member, body: { body: 'Back' } })).statusCode).toBe(409);

    // A deleted thread nobody answered leaves the list altogether.
    const lonely = await postThread(t, w.pub, w.member, { title: 'Alone', body: 'x' });
    await t.call('DELETE', `/api/v1/threads/${lonely.id}`, { as: w.member });
    const after = (await t.call('GET', `/api/v1/groups/${w.pub}/threads`, { as: w.other })).json().threads;
    expect(after.map((x: { id: string }) => x.id)).toEqual([thread.id]);
  });

  it('refuses comments and edits in a locked thread with 409 THREAD_LOCKED, and still shows it', async () => {
    const thread = await postThread(t, w.pub, w.member);
    const comment = await postComment(t, thread.id, w.member);
    await t.db.db.updateTable('threads').set({ locked_at: t.clock.now().toISOString(), locked_by: w.leader.userId }).where('id', '=', thread.id).execute();
    for (const who of [w.member, w.other, w.leader]) {
      const res = await t.call('POST', `/api/v1/threads/${thread.id}/comments`, { as: who, body: { body: 'more' } });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('THREAD_LOCKED');
      expect(res.json().error.message).toMatch(/\S/);
    }
    expect((await t.call('PATCH', `/api/v1/threads/${thread.id}`, { as: w.member, body: { body: 'x' } })).json().error.code).toBe('THREAD_LOCKED');
    expect((await t.call('PATCH', `/api/v1/comments/${comment.id}`, { as: w.member, body: { body: 'x' } })).json().error.code).toBe('THREAD_LOCKED');
    const seen = (await t.call('GET', `/api/v1/threads/${thread.id}`, { as: w.other })).json();
    expect(seen.thread).toMatchObject({ locked: true, commentCount: 1, body: 'First *post*' });
    // The author may still delete their words.
    expect((await t.call('DELETE', `/api/v1/comments/${comment.id}`, { as: w.member })).statusCode).toBe(204);
  });

  it('shows hidden posts as placeholders to members, and as they are to leaders and platform moderators', async () => {
    const thread = await postThread(t, w.pub, w.member, { title: 'Offending title', body: 'Offending body' });
    const comment = await postComment(t, thread.id, w.other, 'Offending comment');
    const fine = await postComment(t, thread.id, w.member, 'A fine comment');
    const now = t.clock.now().toISOString();
    await t.db.db.updateTable('comments').set({ hidden_at: now, hidden_by: w.leader.userId }).where('id', '=', comment.id).execute();

    const asMember = (await t.call('GET', `/api/v1/threads/${thread.id}`, { as: w.member })).json();
    expect(asMember.comments).toEqual([
      expect.objectContaining({ id: comment.id, body: '', html: '', hidden: true, author: { id: w.other.userId, displayName: 'Other' } }),
      expect.objectContaining({ id: fine.id, body: 'A fine comment', hidden: false }),
    ]);
    const asLeader = (await t.call('GET', `/api/v1/threads/${thread.id}`, { as: w.leader })).json();
    expect(asLeader.comments[0]).toMatchObject({ body: 'Offending comment', html: '<p>Offending comment</p>\n', hidden: true });
    // Its author cannot edit it back into view.
    expect((await t.call('PATCH', `/api/v1/comments/${comment.id}`, { as: w.other, body: { body: 'x' } })).json().error.code).toBe('POST_HIDDEN');

    await t.db.db.updateTable('threads').set({ hidden_at: now, hidden_by: w.leader.userId }).where('id', '=', thread.id).execute();
    const list = (await t.call('GET', `/api/v1/groups/${w.pub}/threads`, { as: w.other })).json().threads;
    expect(list[0]).toMatchObject({ id: thread.id, title: '', body: '', html: '', hidden: true });
    expect((await t.call('GET', `/api/v1/threads/${thread.id}`, { as: w.member })).json().thread).toMatchObject({ title: '', body: '', hidden: true });
    expect((await t.call('GET', `/api/v1/threads/${thread.id}`, { as: w.leader })).json().thread).toMatchObject({
      title: 'Offending title',
      body: 'Offending body',
      hidden: true,
    });
    expect((await t.call('POST', `/api/v1/threads/${thread.id}/comments`, { as: w.leader, body: { body: 'x' } })).json().error.code).toBe('THREAD_LOCKED');
    expect((await t.call('PATCH', `/api/v1/threads/${thread.id}`, { as: w.member, body: { body: 'x' } })).json().error.code).toBe('POST_HIDDEN');

    // A platform moderator who belongs to the group reads it; as a plain member before that, not.
    await t.db.db.updateTable('users').set({ is_moderator: 1 }).where('id', '=', w.other.userId).execute();
    expect((await t.call('GET', `/api/v1/threads/${thread.id}`, { as: w.other })).json().thread).toMatchObject({ title: 'Offending title', hidden: true });
    // Moderators who are not members are not let in by this route.
    await t.db.db.updateTable('users').set({ is_moderator: 1 }).where('id', '=', w.stranger.userId).execute();
    expect((await t.call('GET', `/api/v1/threads/${thread.id}`, { as: w.stranger })).statusCode).toBe(403);
  });

  it('keeps the posts of an author who left or was removed, under their display name', async () => {
    const thread = await postThread(t, w.pub, w.member, { title: 'Still here', body: 'My words' });
    const comment = await postComment(t, thread.id, w.member, 'Mine too');
    expect((await t.call('DELETE', `/api/v1/groups/${w.pub}/members/${w.member.userId}`, { as: w.leader })).statusCode).toBe(204);
    const seen = (await t.call('GET', `/api/v1/threads/${thread.id}`, { as: w.other })).json();
    expect(seen.thread.author).toEqual({ id: w.member.userId, displayName: 'Member' });
    expect(seen.comments[0]).toMatchObject({ id: comment.id, body: 'Mine too', author: { id: w.member.userId, displayName: 'Member' } });
    // They no longer read the group's discussions, nor change their posts.
    expect((await t.call('GET', `/api/v1/threads/${thread.id}`, { as: w.member })).statusCode).toBe(403);
    expect((await t.call('PATCH', `/api/v1/threads/${thread.id}`, { as: w.member, body: { title: 'x' } })).statusCode).toBe(403);
  });

  it('reports every validation issue with its path, and never answers 500', async () => {
    const thread = await postThread(t, w.pub, w.member);
    const cases: { method: Method; url: string; body?: unknown; paths: string[] }[] = [
      { method: 'POST', url: `/api/v1/groups/${w.pub}/threads`, body: {}, paths: ['title', 'body'] },
      { method: 'POST', url: `/api/v1/groups/${w.pub}/threads`, body: { title: 'x'.repeat(201), body: 'y'.repeat(20_001) }, paths: ['title', 'body'] },
      { method: 'POST', url: `/api/v1/groups/${w.pub}/threads`, body: { title: '   ', body: '\n\n' }, paths: ['title', 'body'] },
      { method: 'POST', url: `/api/v1/groups/${w.pub}/threads`, body: { title: 'two\nlines', body: 'nul \u0000' }, paths: ['title', 'body'] },
      { method: 'POST', url: `/api/v1/groups/${w.pub}/threads`, body: { title: 42, body: ['x'] }, paths: ['title', 'body'] },
      { method: 'POST', url: `/api/v1/threads/${thread.id}/comments`, body: { body: '' }, paths: ['body'] },
      { method: 'POST', url: `/api/v1/threads/${thread.id}/comments`, body: { body: '\uD800' }, paths: ['body'] },
      { method: 'PATCH', url: `/api/v1/threads/${thread.id}`, body: {}, paths: ['body'] },
      { method: 'PATCH', url: `/api/v1/threads/${thread.id}`, body: { title: '' }, paths: ['title'] },
      { method: 'PATCH', url: `/api/v1/comments/${randomUUID()}`, body: { body: null }, paths: ['body'] },
      { method: 'GET', url: '/api/v1/threads/not-a-uuid', paths: ['params.id'] },
      { method: 'GET', url: `/api/v1/groups/${w.pub}/threads?limit=0`, paths: ['query.limit'] },
      { method: 'GET', url: `/api/v1/groups/${w.pub}/threads?limit=abc&before=yesterday`, paths: ['query.before', 'query.limit'] },
      { method: 'GET', url: `/api/v1/sessions/${randomUUID()}/occurrences/tuesday/comments`, paths: ['params.occurrenceStart'] },
      { method: 'GET', url: '/api/v1/groups/NOT_A_SLUG/threads', paths: ['params.slug'] },
    ];
    for (const c of cases) {
      const res = await t.call(c.method, c.url, { as: w.member, ...(c.body !== undefined ? { body: c.body } : {}) });
      expect([c.method, c.url, res.statusCode]).toEqual([c.method, c.url, 400]);
      const error = res.json().error;
      expect(error.code).toBe('VALIDATION');
      expect(error.issues.map((i: { path: string }) => i.path).sort(), `${c.method} ${c.url}`).toEqual([...c.paths].sort());
      for (const issue of error.issues) expect(issue.message).toMatch(/\S/);
    }
    for (const payload of ['{"title":', 'null', '[]', '"x"']) {
      const res = await t.call('POST', `/api/v1/groups/${w.pub}/threads`, { as: w.member, body: payload });
      expect(res.statusCode, payload).toBe(400);
    }
  });

  it('keeps comments on a session’s recap in one thread per occurrence, created by the first comment', async () => {
    const session = await scheduleIn(w.pub);
    const url = (start: string) => `/api/v1/sessions/${session}/occurrences/${encodeURIComponent(start)}/comments`;
    expect((await t.call('GET', url(FIRST_START), { as: w.member })).json()).toEqual({ thread: null, comments: [] });

    // Two first comments at once share one thread.
    const [a, b] = await Promise.all([
      t.call('POST', url(FIRST_START), { as: w.member, body: { body: 'Thank you all' } }),
      t.call('POST', url(FIRST_START), { as: w.other, body: { body: 'See you next week' } }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().comment.threadId).toBe(b.json().comment.threadId);

    const seen = (await t.call('GET', url(FIRST_START), { as: w.leader })).json();
    expect(seen.thread).toMatchObject({
      title: 'Tuesday circle · 2 March 2027',
      body: '',
      author: null,
      commentCount: 2,
      session: { id: session, startsAt: FIRST_START },
    });
    expect(seen.comments.map((c: { body: string }) => c.body).sort()).toEqual(['See you next week', 'Thank you all']);
    // The same thread by its id, and in the group's list; another occurrence has its own.
    expect((await t.call('GET', `/api/v1/threads/${seen.thread.id}`, { as: w.member })).json().comments).toHaveLength(2);
    expect((await t.call('GET', `/api/v1/groups/${w.pub}/threads`, { as: w.member })).json().threads).toEqual([
      expect.objectContaining({ id: seen.thread.id }),
    ]);
    const other = await t.call('POST', url(SECOND_START), { as: w.member, body: { body: 'Second week' } });
    expect(other.statusCode).toBe(201);
    expect(other.json().comment.threadId).not.toBe(seen.thread.id);
    // Any ISO form of the same instant names the same occurrence.
    expect((await t.call('GET', url('2027-03-02T19:00:00+01:00'), { as: w.member })).json().thread.id).toBe(seen.thread.id);

    // An instant that is no occurrence of the session is not found.
    for (const start of ['2027-03-03T18:00:00.000Z', '2027-03-02T18:30:00.000Z']) {
      expect((await t.call('GET', url(start), { as: w.member })).statusCode).toBe(404);
      expect((await t.call('POST', url(start), { as: w.member, body: { body: 'x' } })).statusCode).toBe(404);
    }
    // Recap threads close like any other.
    await t.db.db.updateTable('threads').set({ locked_at: t.clock.now().toISOString() }).where('id', '=', seen.thread.id).execute();
    expect((await t.call('POST', url(FIRST_START), { as: w.member, body: { body: 'late' } })).json().error.code).toBe('THREAD_LOCKED');
  });

  it('titles a recap thread in the group’s language, dated on the group’s clock', async () => {
    const frGroup = (
      await t.call('POST', '/api/v1/groups', {
        as: w.leader,
        body: completeGroup({ name: 'Cercle', languages: ['fr'], timeZone: 'Pacific/Auckland', structure: { membership: 'open', format: 'drop-in' } }),
      })
    ).json().group.slug;
    const session = (await t.call('POST', `/api/v1/groups/${frGroup}/sessions`, { as: w.leader, body: WEEKLY })).json().session.id;
    const res = await t.call('POST', `/api/v1/sessions/${session}/occurrences/${FIRST_START}/comments`, { as: w.leader, body: { body: 'Merci' } });
    expect(res.statusCode, res.body).toBe(201);
    const thread = (await t.call('GET', `/api/v1/threads/${res.json().comment.threadId}`, { as: w.leader })).json().thread;
    // 19:00 in Paris on 2 March is already 3 March in Auckland.
    expect(thread.title).toBe('Tuesday circle · 3 mars 2027');
  });

  it('renders no markup from what members write', async () => {
    const thread = await postThread(t, w.pub, w.member, {
      title: '<script>alert(1)</script>',
      body: '<img src=x onerror=alert(1)> [x](javascript:alert(1)) ![t](https://tracker.example/p.gif)',
    });
    expect(thread.title).toBe('<script>alert(1)</script>');
    expect(unsafeMarkup(thread.html)).toEqual([]);
    expect(thread.html).toContain('<a href="https://tracker.example/p.gif" rel="nofollow noopener noreferrer ugc">t</a>');
  });
});
