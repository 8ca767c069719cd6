import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../tests/support/databases.ts';
import { ORIGIN, startTestApp, type TestClient } from '../../../../tests/support/http.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { createEventBus } from '../../platform/events.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { createGroupsService } from '../groups/groups.service.ts';
import { createNotificationsService } from '../notifications/notifications.service.ts';
import { createSessionsService } from '../sessions/sessions.service.ts';
import type { PostedEvent } from './discussions.events.ts';
import { createDiscussionsService, type DiscussionsService } from './discussions.service.ts';
import { buildWorld, postThread, type World } from './discussions.test-support.ts';
import { fixedClock } from '../../platform/clock.ts';

/** A caller as the service sees them (none of the people here moderates the platform). */
const as = (caller: { userId: string }) => ({ id: caller.userId, isPlatformModerator: false });

/** The error code a promise rejects with. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

describe.each(testDialects())('discussions service on $dialect', ({ open }) => {
  let t: TestClient;
  let w: World;
  let discussions: DiscussionsService;
  let posted: PostedEvent[];

  beforeEach(async () => {
    t = await startTestApp(await open(), {}, { clock: fixedClock('2027-03-01T09:00:00Z') });
    w = await buildWorld(t);
    // The same database as the app, with a bus of our own to watch what is announced.
    const events = createEventBus();
    posted = [];
    events.on('discussion.posted', (event) => {
      posted.push(event);
    });
    const deps: ServiceDeps = { db: t.db.db, dialect: t.db.dialect, mailer: t.mailer, appUrl: ORIGIN, events, clock: t.clock };
    const groups = createGroupsService(deps);
    discussions = createDiscussionsService({
      ...deps,
      groups,
      sessions: createSessionsService({ ...deps, groups }),
      notifications: createNotificationsService(deps),
      mailDomain: 'entraide.test',
    });
  });
  afterEach(async () => t.close());

  const countRows = async (table: 'comments' | 'threads' | 'notifications') =>
    Number(
      (
        await t.db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('posts an inbound reply delivered several times at once exactly once', async () => {
    const thread = await postThread(t, w.pub, w.leader);
    const notificationsBefore = await countRows('notifications');
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        discussions.postComment(as(w.member), thread.id, { body: 'By mail' }, { source: 'email', messageId: '<reply-1@mail.example>' }),
      ),
    );
    expect(new Set(results.map((r) => r.comment.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results[0]!.comment).toMatchObject({ body: 'By mail', source: 'email', author: { id: w.member.userId } });
    expect(await countRows('comments')).toBe(1);
    const row = await t.db.db.selectFrom('threads').select(['comment_count']).where('id', '=', thread.id).executeTakeFirstOrThrow();
    expect(row.comment_count).toBe(1);
    // Leader and other are told once each; the author is not.
    expect((await countRows('notifications')) - notificationsBefore).toBe(2);
    expect(posted.filter((e) => e.kind === 'comment')).toEqual([
      {
        kind: 'comment',
        groupId: expect.any(String),
        threadId: thread.id,
        commentId: results[0]!.comment.id,
        authorId: w.member.userId,
        source: 'email',
        messageId: 'reply-1@mail.example',
        threadMessageId: `thread.${thread.id}@entraide.test`,
        createdAt: results[0]!.comment.createdAt,
      },
    ]);
    // Later deliveries of the same mail, with or without angle brackets, change nothing.
    const late = await discussions.postComment(as(w.member), thread.id, { body: 'By mail' }, { source: 'email', messageId: 'reply-1@mail.example' });
    expect(late).toMatchObject({ created: false, comment: { id: results[0]!.comment.id } });
    expect(posted.filter((e) => e.kind === 'comment')).toHaveLength(1);
  });

  it('starts a thread by mail once, however often the mail arrives', async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        discussions.postThread(as(w.member), { slug: w.pub }, { title: 'By mail', body: 'Hello list' }, { source: 'email', messageId: 'start-1@mail.example' }),
      ),
    );
    expect(new Set(results.map((r) => r.thread.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results[0]!.thread).toMatchObject({ title: 'By mail', source: 'email', groupSlug: w.pub });
    expect(await countRows('threads')).toBe(1);
    expect(posted).toEqual([
      expect.objectContaining({ kind: 'thread', commentId: null, messageId: 'start-1@mail.example', threadMessageId: 'start-1@mail.example', source: 'email' }),
    ]);
  });

  it('refuses a Message-ID already used by someone else or elsewhere, and malformed ones', async () => {
    const thread = await postThread(t, w.pub, w.leader);
    const other = await postThread(t, w.pub, w.leader, { title: 'Other', body: 'x' });
    await discussions.postComment(as(w.member), thread.id, { body: 'x' }, { source: 'email', messageId: 'taken@mail.example' });
    expect(await codeOf(discussions.postComment(as(w.other), thread.id, { body: 'x' }, { source: 'email', messageId: 'taken@mail.example' }))).toBe('CONFLICT');
    expect(await codeOf(discussions.postComment(as(w.member), other.id, { body: 'x' }, { source: 'email', messageId: 'taken@mail.example' }))).toBe('CONFLICT');
    for (const bad of ['', '<>', 'two words@x', 'a\r\nBcc: x@y', 'x'.repeat(501)]) {
      expect(await codeOf(discussions.postComment(as(w.member), thread.id, { body: 'x' }, { source: 'email', messageId: bad })), bad).toBe('VALIDATION');
    }
  });

  it('applies the same rules as the web: members only, private groups invisible, locked threads closed', async () => {
    const pubThread = await postThread(t, w.pub, w.leader);
    const privThread = await postThread(t, w.priv, w.leader);
    expect(await codeOf(discussions.postThread(as(w.stranger), { slug: w.pub }, { title: 'x', body: 'y' }, { source: 'email' }))).toBe('FORBIDDEN');
    expect(await codeOf(discussions.postThread(as(w.stranger), { slug: w.priv }, { title: 'x', body: 'y' }, { source: 'email' }))).toBe('NOT_FOUND');
    expect(await codeOf(discussions.postComment(as(w.stranger), pubThread.id, { body: 'y' }, { source: 'email' }))).toBe('FORBIDDEN');
    expect(await codeOf(discussions.postComment(as(w.stranger), privThread.id, { body: 'y' }, { source: 'email' }))).toBe('NOT_FOUND');
    await t.db.db.updateTable('threads').set({ locked_at: t.clock.now().toISOString() }).where('id', '=', pubThread.id).execute();
    expect(await codeOf(discussions.postComment(as(w.member), pubThread.id, { body: 'y' }, { source: 'email', messageId: 'late@x' }))).toBe('THREAD_LOCKED');
    expect(await countRows('comments')).toBe(0);
    // A group by id works as by slug.
    const group = await t.db.db.selectFrom('groups').select('id').where('slug', '=', w.pub).executeTakeFirstOrThrow();
    expect((await discussions.postThread(as(w.member), { id: group.id }, { title: 'By id', body: 'x' }, { source: 'web' })).created).toBe(true);
    expect(posted.map((e) => e.source)).toEqual(['web']);
  });

  it('describes a post for the fan-out, finds the thread a reply refers to, and lists a digest’s posts', async () => {
    const thread = await postThread(t, w.pub, w.leader, { title: 'Weekly news', body: 'Read **this**' });
    const { comment } = await discussions.postComment(as(w.member), thread.id, { body: 'Thanks!' }, { source: 'email', messageId: 'thanks@mail.example' });
    const group = await t.db.db.selectFrom('groups').select('id').where('slug', '=', w.pub).executeTakeFirstOrThrow();

    expect(await discussions.describePost({ threadId: thread.id })).toMatchObject({
      group: { id: group.id, slug: w.pub, name: 'Open circle', timeZone: 'Europe/Paris' },
      thread: {
        id: thread.id,
        title: 'Weekly news',
        messageId: `thread.${thread.id}@entraide.test`,
        locked: false,
        hidden: false,
        deleted: false,
        sessionId: null,
      },
      comment: null,
      author: { id: w.leader.userId, displayName: 'Leader' },
      body: 'Read **this**',
      html: '<p>Read <strong>this</strong></p>\n',
      source: 'web',
      withdrawn: false,
    });
    expect(await discussions.describePost({ threadId: thread.id, commentId: comment.id })).toMatchObject({
      comment: { id: comment.id, messageId: 'thanks@mail.example', hidden: false, deleted: false },
      author: { id: w.member.userId, displayName: 'Member' },
      body: 'Thanks!',
      source: 'email',
    });
    expect(await discussions.describePost({ threadId: thread.id, commentId: 'a1b2c3d4-0000-4000-8000-000000000000' })).toBeNull();

    expect(await discussions.findThreadForReply(group.id, [`<thread.${thread.id}@entraide.test>`])).toBe(thread.id);
    expect(await discussions.findThreadForReply(group.id, ['<unknown@x>', '<thanks@mail.example>'])).toBe(thread.id);
    expect(await discussions.findThreadForReply(group.id, ['<unknown@x>'])).toBeNull();
    const elsewhere = await t.db.db.selectFrom('groups').select('id').where('slug', '=', w.priv).executeTakeFirstOrThrow();
    expect(await discussions.findThreadForReply(elsewhere.id, ['<thanks@mail.example>'])).toBeNull();

    const from = new Date(t.clock.now().getTime() - 60_000).toISOString();
    const to = new Date(t.clock.now().getTime() + 60_000).toISOString();
    const digest = await discussions.listPostsBetween(group.id, from, to);
    expect(digest.threads.map((x) => x.title)).toEqual(['Weekly news']);
    expect(digest.comments.map((c) => [c.threadTitle, c.body])).toEqual([['Weekly news', 'Thanks!']]);

    // Hidden posts are withdrawn: described as such, and out of digests.
    await t.db.db.updateTable('comments').set({ hidden_at: t.clock.now().toISOString() }).where('id', '=', comment.id).execute();
    expect(await discussions.describePost({ threadId: thread.id, commentId: comment.id })).toMatchObject({ withdrawn: true, comment: { hidden: true } });
    expect((await discussions.listPostsBetween(group.id, from, to)).comments).toEqual([]);
  });
});
