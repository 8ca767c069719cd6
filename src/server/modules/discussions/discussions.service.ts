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
import { formatInstant } from '../../../shared/datetime-format.ts';
import { isLocale, type Locale } from '../../../shared/locale.ts';
import { localToInstant } from '../../../shared/zoned-time.ts';
import type { Db } from '../../platform/db/database.ts';
import { parseStringList } from '../../platform/db/json-list.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, forbidden, notFound } from '../../platform/http/app-error.ts';
import { translate } from '../../platform/i18n/messages.ts';
import type { AccessActor, GroupRef } from '../groups/group-access.ts';
import type { GroupRow } from '../groups/groups.repository.ts';
import type { GroupsService } from '../groups/groups.service.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import { occurrenceAt } from '../sessions/occurrences.ts';
import { scheduleOf, type SessionsService } from '../sessions/sessions.service.ts';
import type { PostedEvent } from './discussions.events.ts';
import * as repo from './discussions.repository.ts';
import type { CommentView, EditThreadInput, NewThreadInput, ThreadView } from '../../../shared/api/discussions.schemas.ts';
import { renderMarkdown } from './markdown.ts';

export type PostSource = 'web' | 'email';

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

interface Access {
  group: GroupRow;
  /** Leaders of the group and platform moderators read hidden posts. */
  canSeeHidden: boolean;
}

/** Message-IDs as stored: without angle brackets, printable, no spaces, bounded. */
function normalizeMessageId(raw: string): string {
  const id = raw.trim().replace(/^<(.*)>$/, '$1');
  if (!/^[\u0021-\u003B\u003D\u003F-\u007E\u0080-\uFFFF]{1,500}$/.test(id) || !id.isWellFormed()) {
    throw new AppError('VALIDATION', { issues: [{ path: 'messageId', key: 'issue.control' }] });
  }
  return id;
}

const sourceOf = (s: string): PostSource => (s === 'email' ? 'email' : 'web');
const authorOf = (id: string | null, name: string | null) => (id ? { id, displayName: name ?? '' } : null);

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

  function presentThread(row: repo.WithAuthor<repo.ThreadRow>, groupSlug: string, canSeeHidden: boolean, starts: Map<string, string>): ThreadView {
    const deleted = row.deleted_at != null;
    const hidden = row.hidden_at != null;
    const masked = deleted || (hidden && !canSeeHidden);
    const startsAt = starts.get(row.id);
    return {
      id: row.id,
      groupSlug,
      title: masked ? '' : row.title,
      body: masked ? '' : row.body,
      html: masked ? '' : renderMarkdown(row.body),
      author: deleted ? null : authorOf(row.author_id, row.author_name),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      editedAt: row.edited_at,
      lastActivityAt: row.last_activity_at,
      commentCount: row.comment_count,
      locked: row.locked_at != null,
      hidden,
      deleted,
      session: row.session_id && startsAt ? { id: row.session_id, startsAt } : null,
      source: sourceOf(row.source),
    };
  }

  function presentComment(row: repo.WithAuthor<repo.CommentRow>, canSeeHidden: boolean): CommentView {
    const deleted = row.deleted_at != null;
    const hidden = row.hidden_at != null;
    const masked = deleted || (hidden && !canSeeHidden);
    return {
      id: row.id,
      threadId: row.thread_id,
      body: masked ? '' : row.body,
      html: masked ? '' : renderMarkdown(row.body),
      author: deleted ? null : authorOf(row.author_id, row.author_name),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      editedAt: row.edited_at,
      hidden,
      deleted,
      source: sourceOf(row.source),
    };
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
    const now = new Date().toISOString();
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

  const isClosed = (t: repo.ThreadRow) => t.locked_at != null || t.hidden_at != null || t.deleted_at != null;

  /** Comments on one thread, as this viewer may read them. */
  async function commentsOf(threadId: string, canSeeHidden: boolean): Promise<CommentView[]> {
    return (await repo.listComments(db, threadId)).map((c) => presentComment(c, canSeeHidden));
  }

  /** The session, the group and the occurrence behind a recap, for an active member. */
  async function loadRecap(actor: Actor, sessionId: string, instant: number) {
    const { session, group, can } = await sessions.loadVisibleSession(actor, sessionId, 'member');
    const { exceptions } = await sessions.sessionsWithExceptions([group.id]);
    const occurrence = occurrenceAt(
      scheduleOf(session),
      exceptions.filter((e) => e.session_id === session.id),
      instant,
    );
    if (!occurrence) throw notFound();
    const access: Access = { group, canSeeHidden: can.canSeeHidden };
    return { session, group, occurrence, access };
  }

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
      const now = new Date().toISOString();
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
      const now = new Date().toISOString();
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
      const now = new Date().toISOString();
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
      const now = new Date().toISOString();
      await repo.updateThread(db, thread.id, { title: '', body: '', deleted_at: now, updated_at: now });
    },

    /** The author deletes their comment: its text is erased, a placeholder remains. */
    async deleteComment(viewer: AccessActor, commentId: string): Promise<void> {
      const { comment } = await loadComment(commentId, viewer);
      if (comment.author_id !== viewer.id) throw forbidden();
      if (comment.deleted_at) return;
      const now = new Date().toISOString();
      await repo.updateComment(db, comment.id, { body: '', deleted_at: now, updated_at: now });
    },

    /**
     * The comments on one occurrence's recap (active members; the occurrence must exist):
     * `thread` is null until someone comments.
     */
    async viewRecapComments(actor: Actor, sessionId: string, instant: number): Promise<{ thread: ThreadView | null; comments: CommentView[] }> {
      const { session, occurrence, access } = await loadRecap(actor, sessionId, instant);
      const thread = await repo.findRecapThread(db, session.id, occurrence.occurrence);
      if (!thread) return { thread: null, comments: [] };
      const [view, comments] = await Promise.all([presentOne(thread, access), commentsOf(thread.id, access.canSeeHidden)]);
      return { thread: view, comments };
    },

    /**
     * Comments on one occurrence's recap. The first comment creates the occurrence's thread,
     * titled with the session's title and date on the group's clock (in the group's language
     * when it is one of ours); two first comments at once share one thread.
     */
    async commentOnRecap(actor: Actor, sessionId: string, instant: number, input: { body: string }): Promise<{ comment: CommentView; threadId: string }> {
      const { session, group, occurrence, access } = await loadRecap(actor, sessionId, instant);
      const language = parseStringList(group.languages).find((l) => isLocale(l));
      const locale: Locale = language && isLocale(language) ? language : actor.locale;
      const date = formatInstant(occurrence.startsAt, locale, group.time_zone ?? session.time_zone, 'longDate');
      const { thread, row } = await db.transaction().execute(async (trx) => {
        const now = new Date().toISOString();
        const id = randomUUID();
        await repo.insertRecapThread(trx, {
          id,
          group_id: group.id,
          author_id: null,
          title: translate(locale, 'discussions.recapTitle', { session: session.title, date }),
          body: '',
          session_id: session.id,
          occurrence: occurrence.occurrence,
          locked_at: null,
          locked_by: null,
          hidden_at: null,
          hidden_by: null,
          deleted_at: null,
          source: 'web',
          message_id: newMessageId('thread', id),
          comment_count: 0,
          last_activity_at: now,
          created_at: now,
          updated_at: now,
          edited_at: null,
        });
        const recap = await repo.findRecapThread(trx, session.id, occurrence.occurrence);
        if (!recap) throw notFound();
        if (isClosed(recap)) throw new AppError('THREAD_LOCKED');
        return { thread: recap, row: await insertCommentTx(trx, recap, actor.id, input.body, 'web', null) };
      });
      if (!row) throw new AppError('CONFLICT');
      await announce({
        kind: 'comment',
        groupId: group.id,
        threadId: thread.id,
        commentId: row.id,
        authorId: actor.id,
        source: 'web',
        messageId: row.message_id,
        threadMessageId: thread.message_id,
        createdAt: row.created_at,
      });
      const saved = await repo.findComment(db, row.id);
      if (!saved) throw notFound();
      return { comment: presentComment(saved, access.canSeeHidden), threadId: thread.id };
    },

    /**
     * For jobs (the e-mail fan-out): one post with its thread and group, as stored, without a
     * viewer. The caller decides who may receive it (active members, post not hidden or
     * deleted — both are given here). Null when it no longer exists.
     */
    async describePost(post: { threadId: string; commentId?: string | null }) {
      const thread = await repo.findThread(db, post.threadId);
      if (!thread) return null;
      const comment = post.commentId ? await repo.findComment(db, post.commentId) : undefined;
      if (post.commentId && (!comment || comment.thread_id !== thread.id)) return null;
      const group = await repo.findGroup(db, thread.group_id);
      if (!group) return null;
      const subject = comment ?? thread;
      return {
        group: { id: group.id, slug: group.slug, name: group.name, timeZone: group.time_zone },
        thread: {
          id: thread.id,
          title: thread.title,
          messageId: thread.message_id,
          locked: thread.locked_at != null,
          hidden: thread.hidden_at != null,
          deleted: thread.deleted_at != null,
          sessionId: thread.session_id,
        },
        comment: comment ? { id: comment.id, messageId: comment.message_id, hidden: comment.hidden_at != null, deleted: comment.deleted_at != null } : null,
        author: authorOf(subject.author_id, subject.author_name),
        /** Markdown as written, and as safe HTML. */
        body: subject.body,
        html: renderMarkdown(subject.body),
        source: sourceOf(subject.source),
        createdAt: subject.created_at,
        /** True when nobody but moderators may read it now. */
        withdrawn: thread.hidden_at != null || thread.deleted_at != null || comment?.hidden_at != null || comment?.deleted_at != null,
      };
    },

    /**
     * For the inbound gateway: the thread of this group that a reply refers to, by the
     * Message-IDs in its In-Reply-To and References headers (with or without <>).
     */
    async findThreadForReply(groupId: string, messageIds: string[]): Promise<string | null> {
      const ids = messageIds.map((m) => m.trim().replace(/^<(.*)>$/, '$1')).filter((m) => m.length > 0 && m.length <= 500);
      return repo.findThreadIdByMessageIds(db, groupId, [...new Set(ids)].slice(0, 100));
    },

    /**
     * For digests: threads started and comments posted in [from, to) that every member may
     * read (not hidden, not deleted), oldest first, with authors and safe HTML.
     */
    async listPostsBetween(groupId: string, from: string, to: string) {
      const [threads, comments] = await Promise.all([
        repo.listThreadsStartedBetween(db, groupId, from, to),
        repo.listCommentsPostedBetween(db, groupId, from, to),
      ]);
      return {
        threads: threads.map((t) => ({
          id: t.id,
          title: t.title,
          body: t.body,
          html: renderMarkdown(t.body),
          author: authorOf(t.author_id, t.author_name),
          createdAt: t.created_at,
          messageId: t.message_id,
        })),
        comments: comments.map((c) => ({
          id: c.id,
          threadId: c.thread_id,
          threadTitle: c.thread_title,
          body: c.body,
          html: renderMarkdown(c.body),
          author: authorOf(c.author_id, c.author_name),
          createdAt: c.created_at,
          messageId: c.message_id,
        })),
      };
    },
  };
}

export type DiscussionsService = ReturnType<typeof createDiscussionsService>;
