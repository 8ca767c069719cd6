/**
 * Reads for jobs (the e-mail fan-out, digests, the inbound gateway): posts as stored,
 * without a viewer; the caller re-checks its recipients. Internal to discussions; part of
 * the discussions service.
 */
import type { ServiceDeps } from '../../platform/deps.ts';
import { findGroupSummary } from '../groups/groups.hooks.ts';
import { authorOf, sourceOf } from './discussion-views.ts';
import * as repo from './discussions.repository.ts';
import { renderMarkdown } from './markdown.ts';

export function createPostLookups(deps: ServiceDeps) {
  const { db } = deps;

  return {
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
      const group = await findGroupSummary(db, thread.group_id);
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
