/**
 * What other modules ask of discussions' tables from inside their own work: moderation
 * reads a post's state and hides, unhides or locks it (in its own transaction, beside the
 * audit entry); the mail guard asks whether a post may still go out; the e-mail fan-out
 * sweeps recent posts. Each takes the database or the caller's transaction first.
 */
import type { Db } from '../../platform/db/database.ts';
import * as repo from './discussions.repository.ts';

/** A thread's moderation state: group, author, title, hidden/locked/deleted instants. */
export const findThreadState = repo.findThreadState;

/** A comment's moderation state with its thread's (a hidden or deleted thread takes its comments with it). */
export const findCommentState = repo.findCommentState;

/** Sets or clears a thread's hidden or locked flag (and who set it). */
export const setThreadModeration = repo.updateThreadModeration;

/** Sets or clears a comment's hidden flag (and who set it). */
export const setCommentModeration = repo.updateCommentModeration;

/** Threads and comments posted since an instant (ids only), deleted ones left out. */
export const listPostsSince = repo.listPostsSince;

/**
 * Whether a post may still be shown or mailed: its thread exists and is neither hidden nor
 * deleted, and so is the comment when one is named (and it belongs to that thread).
 */
export async function isPostVisible(db: Db, post: { threadId: string; commentId?: string | null }): Promise<boolean> {
  const { thread, comment } = await repo.findPostState(db, post.threadId, post.commentId ?? null);
  if (!thread || thread.hidden_at || thread.deleted_at) return false;
  if (!post.commentId) return true;
  return Boolean(comment && comment.thread_id === post.threadId && !comment.hidden_at && !comment.deleted_at);
}

/**
 * For an id that names a thread or a comment without saying which (an outbox row's
 * `subject_id`): false when it is a hidden or deleted post (or a comment of a hidden or
 * deleted thread); true for anything that is not a post (a session, nothing).
 */
export async function isMailSubjectVisible(db: Db, subjectId: string): Promise<boolean> {
  const comment = await repo.findCommentThreadId(db, subjectId);
  if (comment) return isPostVisible(db, { threadId: comment.thread_id, commentId: subjectId });
  if (await repo.findThreadState(db, subjectId)) return isPostVisible(db, { threadId: subjectId });
  return true;
}
