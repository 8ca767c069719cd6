/**
 * Discussions: threads and comments in a group, written in Markdown on the web or by e-mail.
 *
 * What members say stays among members, in every group: only active members read or write
 * (others get 403, or 404 where the group itself is hidden from them). Hidden posts (set by
 * moderation) show as placeholders, except to the group's leaders and platform moderators;
 * deleted posts lose their words for good. A locked thread takes no new comments.
 *
 * Entry points for other callers than HTTP (the inbound mail gateway, the fan-out):
 * `postThread` and `postComment` take a user id and a source, and are idempotent per
 * Message-ID; `describePost`, `findThreadForReply` and `listPostsBetween` read without a
 * viewer, for jobs that re-check their recipients themselves. New posts are announced on the
 * event bus as `discussion.posted` (see discussions.events.ts).
 */
import { randomUUID } from 'node:crypto';
import { localToInstant } from '../../../shared/zoned-time.ts';
import type { Db } from '../../platform/db/database.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../platform/http/app-error.ts';
import type { AccessActor, GroupRef } from '../groups/group-access.ts';
import type { GroupsService } from '../groups/groups.service.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { SessionsService } from '../sessions/sessions.service.ts';
import type { PostedEvent } from './discussions.events.ts';
import * as repo from './discussions.repository.ts';
import type { CommentView, EditThreadInput, NewThreadInput, ThreadView } from '../../../shared/api/discussions.schemas.ts';
import { isClosed, presentComment, presentThread, type Access, type PostSource } from './discussion-views.ts';
import { createPostLookups } from './post-lookups.service.ts';
import { createRecapsService } from './recaps.service.ts';

export interface PostOptions {
  source: PostSource;
  /**
   * The inbound mail's Message-ID (with or without <>). A second post with the same id
   * posts nothing and answers the first one (`created: false`). Web posts get their own.
   */
  messageId?: string;
}

export interface DiscussionsDeps extends ServiceDeps {
  groups: Pick<GroupsService, 'loadGroupFor'>;
  sessions: SessionsService;
  notifications: NotificationsService;
  /** The domain of the Message-IDs we make up for web posts (MAIL_DOMAIN). */
  mailDomain: string;
}

/** Message-IDs as stored: without angle brackets, printable, no spaces, bounded. */
function normalizeMessageId(raw: string): string {
  const id = raw.trim().replace(/^<(.*)>$/, '$1');
  if (!/^[\u0021-\u003B\u003D\u003F-\u007E\u0080-\uFFFF]{1,500}$/.test(id) || !id.isWellFormed()) {
    throw new AppError('VALIDATION', { issues: [{ path: 'messageId', key: 'issue.control' }] });
  }
  return id;
}

export function createDiscussionsService(deps: DiscussionsDeps) {
  const { db, groups, sessions, notifications } = deps;

  const newMessageId = (kind: 'thread' | 'comment', id: string) => `${kind}.${id}@${deps.mailDomain}`;

  /** The group as an active member sees it (group-access: 404 when hidden, 403 for others). */
  async function memberOf(viewer: AccessActor, ref: GroupRef): Promise<Access> {
    const { group, can } = await groups.loadGroupFor(viewer, ref, 'member');
    return { group, canSeeHidden: can.canSeeHidden };
  }

  async function loadThread(threadId: string, viewer: AccessActor) {
    const thread = await repo.findThread(db, threadId);
    if (!thread) throw notFound();
    return { thread, ...(await memberOf(viewer, { id: thread.group_id })) };
  }

  async function loadComment(commentId: string, viewer: AccessActor) {
    const comment = await repo.findComment(db, commentId);
    if (!comment) throw notFound();
    return { comment, ...(await loadThread(comment.thread_id, viewer)) };
  }

  /** When each recap thread's occurrence starts (a moved occurrence at its new time). */
  async function recapStarts(groupId: string, threads: repo.ThreadRow[]): Promise<Map<string, string>> {
    const starts = new Map<string, string>();
    if (!threads.some((t) => t.session_id)) return starts;
    const { sessions: rows, exceptions } = await sessions.sessionsWithExceptions([groupId]);
    for (const t of threads) {
      const session = rows.find((s) => s.id === t.session_id);
      if (!session || !t.occurrence) continue;
      const moved = exceptions.find((e) => e.session_id === session.id && e.occurrence === t.occurrence && e.start_local);
      starts.set(t.id, new Date(localToInstant(moved?.start_local ?? t.occurrence, session.time_zone)).toISOString());
    }
    return starts;
  }

  async function presentOne(row: repo.WithAuthor<repo.ThreadRow>, access: Access): Promise<ThreadView> {
    return presentThread(row, access.group.slug, access.canSeeHidden, await recapStarts(access.group.id, [row]));
  }

  async function announce(event: PostedEvent): Promise<void> {
    await deps.events.emit('discussion.posted', event);
  }

  /** A comment that may already exist (same Message-ID): the same person's in the same thread, or a conflict. */
  function sameComment(existing: repo.WithAuthor<repo.CommentRow>, threadId: string, userId: string) {
    if (existing.thread_id !== threadId || existing.author_id !== userId) throw new AppError('CONFLICT');
    return existing;
  }

  /**
   * Inserts a comment, counts it on its thread and notifies the members, in the caller's
   * transaction. Null when the Message-ID was already posted (nothing else happens then).
   */
  async function insertCommentTx(
    trx: Db,
    thread: repo.ThreadRow,
    userId: string,
    body: string,
    source: PostSource,
    messageId: string | null,
  ): Promise<repo.CommentRow | null> {
    const now = deps.clock.now().toISOString();
    const id = randomUUID();
    const row: repo.CommentRow = {
      id,
      thread_id: thread.id,
      author_id: userId,
      body,
      hidden_at: null,
      hidden_by: null,
      deleted_at: null,
      source,
      message_id: messageId ?? newMessageId('comment', id),
      created_at: now,
      updated_at: now,
      edited_at: null,
    };
    if (!(await repo.insertComment(trx, row))) return null;
    if (!(await repo.recordCommentOnThread(trx, thread.id, now))) throw new AppError('THREAD_LOCKED');
    await notifications.notifyMembersOfPost(trx, {
      groupId: thread.group_id,
      kind: 'comment.created',
      threadId: thread.id,
      commentId: id,
      actorId: userId,
      createdAt: now,
    });
    return row;
  }

  /** Comments on one thread, as this viewer may read them. */
  async function commentsOf(threadId: string, canSeeHidden: boolean): Promise<CommentView[]> {
    return (await repo.listComments(db, threadId)).map((c) => presentComment(c, canSeeHidden));
  }

  const recaps = createRecapsService({ db, sessions, clock: deps.clock, newMessageId, presentOne, commentsOf, insertCommentTx, announce });

  return {
    /**
     * Starts a thread in a group (active members only) and notifies the other members. With
     * a `messageId` already used by this person in this group, answers that thread instead
     * (`created: false`): a mail delivered twice starts one thread.
     */
    async postThread(viewer: AccessActor, group: GroupRef, input: NewThreadInput, options: PostOptions): Promise<{ thread: ThreadView; created: boolean }> {
      const userId = viewer.id;
      const access = await memberOf(viewer, group);
      const messageId = options.messageId !== undefined ? normalizeMessageId(options.messageId) : null;
      const same = (existing: repo.WithAuthor<repo.ThreadRow>) => {
        if (existing.group_id !== access.group.id || existing.author_id !== userId) throw new AppError('CONFLICT');
        return existing;
      };
      if (messageId) {
        const existing = await repo.findThreadByMessageId(db, messageId);
        if (existing) return { thread: await presentOne(same(existing), access), created: false };
      }
      const now = deps.clock.now().toISOString();
      const id = randomUUID();
      const row: repo.ThreadRow = {
        id,
        group_id: access.group.id,
        author_id: userId,
        title: input.title,
        body: input.body,
        session_id: null,
        occurrence: null,
        locked_at: null,
        locked_by: null,
        hidden_at: null,
        hidden_by: null,
        deleted_at: null,
        source: options.source,
        message_id: messageId ?? newMessageId('thread', id),
        comment_count: 0,
        last_activity_at: now,
        created_at: now,
        updated_at: now,
        edited_at: null,
      };
      const inserted = await db.transaction().execute(async (trx) => {
        if (!(await repo.insertThread(trx, row))) return false;
        await notifications.notifyMembersOfPost(trx, {
          groupId: row.group_id,
          kind: 'thread.created',
          threadId: id,
          commentId: null,
          actorId: userId,
          createdAt: now,
        });
        return true;
      });
      if (!inserted) {
        // The same mail, delivered twice at once: the other delivery posted it.
        const existing = await repo.findThreadByMessageId(db, row.message_id);
        if (!existing) throw new AppError('CONFLICT');
        return { thread: await presentOne(same(existing), access), created: false };
      }
      await announce({
        kind: 'thread',
        groupId: row.group_id,
        threadId: id,
        commentId: null,
        authorId: userId,
        source: options.source,
        messageId: row.message_id,
        threadMessageId: row.message_id,
        createdAt: now,
      });
      const thread = await repo.findThread(db, id);
      if (!thread) throw notFound();
      return { thread: await presentOne(thread, access), created: true };
    },

    /**
     * Comments on a thread (active members; 409 THREAD_LOCKED when the thread is locked,
     * hidden or deleted) and notifies the other members. Idempotent per `messageId` as
     * `postThread` is: an inbound reply delivered twice posts once.
     */
    async postComment(
      viewer: AccessActor,
      threadId: string,
      input: { body: string },
      options: PostOptions,
    ): Promise<{ comment: CommentView; created: boolean }> {
      const userId = viewer.id;
      const { thread, canSeeHidden } = await loadThread(threadId, viewer);
      const messageId = options.messageId !== undefined ? normalizeMessageId(options.messageId) : null;
      if (messageId) {
        const existing = await repo.findCommentByMessageId(db, messageId);
        if (existing) return { comment: presentComment(sameComment(existing, thread.id, userId), canSeeHidden), created: false };
      }
      if (isClosed(thread)) throw new AppError('THREAD_LOCKED');
      const row = await db.transaction().execute((trx) => insertCommentTx(trx, thread, userId, input.body, options.source, messageId));
      if (!row) {
        const existing = messageId ? await repo.findCommentByMessageId(db, messageId) : undefined;
        if (!existing) throw new AppError('CONFLICT');
        return { comment: presentComment(sameComment(existing, thread.id, userId), canSeeHidden), created: false };
      }
      await announce({
        kind: 'comment',
        groupId: thread.group_id,
        threadId: thread.id,
        commentId: row.id,
        authorId: userId,
        source: options.source,
        messageId: row.message_id,
        threadMessageId: thread.message_id,
        createdAt: row.created_at,
      });
      const saved = await repo.findComment(db, row.id);
      if (!saved) throw notFound();
      return { comment: presentComment(saved, canSeeHidden), created: true };
    },

    /** A group's threads, latest activity first (active members only). */
    async listThreads(viewer: AccessActor, slug: string, page: { before?: { at: string; id: string | null }; limit: number }) {
      const access = await memberOf(viewer, { slug });
      const rows = await repo.listThreads(db, access.group.id, { before: page.before ?? null, limit: page.limit });
      const starts = await recapStarts(access.group.id, rows);
      const last = rows.length === page.limit ? rows[rows.length - 1] : undefined;
      return {
        threads: rows.map((r) => presentThread(r, access.group.slug, access.canSeeHidden, starts)),
        nextBefore: last ? `${last.last_activity_at}~${last.id}` : null,
      };
    },

    /** A thread with all its comments, oldest first (active members only). */
    async viewThread(viewer: AccessActor, threadId: string): Promise<{ thread: ThreadView; comments: CommentView[] }> {
      const { thread, ...access } = await loadThread(threadId, viewer);
      const [view, comments] = await Promise.all([presentOne(thread, access), commentsOf(thread.id, access.canSeeHidden)]);
      return { thread: view, comments };
    },

    /**
     * The author changes their thread's title or text (edits are dated). Not once it is
     * deleted (409 CONFLICT), hidden (409 POST_HIDDEN) or locked (409 THREAD_LOCKED).
     */
    async editThread(viewer: AccessActor, threadId: string, input: EditThreadInput): Promise<ThreadView> {
      const { thread, ...access } = await loadThread(threadId, viewer);
      if (thread.author_id !== viewer.id) throw forbidden();
      if (thread.deleted_at) throw new AppError('CONFLICT');
      if (thread.hidden_at) throw new AppError('POST_HIDDEN');
      if (thread.locked_at) throw new AppError('THREAD_LOCKED');
      const now = deps.clock.now().toISOString();
      await repo.updateThread(db, thread.id, {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
        edited_at: now,
        updated_at: now,
      });
      const saved = await repo.findThread(db, thread.id);
      if (!saved) throw notFound();
      return presentOne(saved, access);
    },

    /** The author changes their comment (same rules as `editThread`, on the comment and its thread). */
    async editComment(viewer: AccessActor, commentId: string, input: { body: string }): Promise<CommentView> {
      const { comment, thread, canSeeHidden } = await loadComment(commentId, viewer);
      if (comment.author_id !== viewer.id) throw forbidden();
      if (comment.deleted_at) throw new AppError('CONFLICT');
      if (comment.hidden_at) throw new AppError('POST_HIDDEN');
      if (isClosed(thread)) throw new AppError('THREAD_LOCKED');
      const now = deps.clock.now().toISOString();
      await repo.updateComment(db, comment.id, { body: input.body, edited_at: now, updated_at: now });
      const saved = await repo.findComment(db, comment.id);
      if (!saved) throw notFound();
      return presentComment(saved, canSeeHidden);
    },

    /**
     * The author deletes their thread: its title and text are erased from the database, a
     * placeholder remains so that the others' comments keep their place. Deleting twice is
     * the same as once.
     */
    async deleteThread(viewer: AccessActor, threadId: string): Promise<void> {
      const { thread } = await loadThread(threadId, viewer);
      if (thread.author_id !== viewer.id) throw forbidden();
      if (thread.deleted_at) return;
      const now = deps.clock.now().toISOString();
      await repo.updateThread(db, thread.id, { title: '', body: '', deleted_at: now, updated_at: now });
    },

    /** The author deletes their comment: its text is erased, a placeholder remains. */
    async deleteComment(viewer: AccessActor, commentId: string): Promise<void> {
      const { comment } = await loadComment(commentId, viewer);
      if (comment.author_id !== viewer.id) throw forbidden();
      if (comment.deleted_at) return;
      const now = deps.clock.now().toISOString();
      await repo.updateComment(db, comment.id, { body: '', deleted_at: now, updated_at: now });
    },

    ...recaps,
    ...createPostLookups(deps),
  };
}

export type DiscussionsService = ReturnType<typeof createDiscussionsService>;
