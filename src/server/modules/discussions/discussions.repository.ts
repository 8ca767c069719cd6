import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { CommentsTable, ThreadsTable } from '../../platform/db/tables/discussions.tables.ts';

export type ThreadRow = Selectable<ThreadsTable>;
export type CommentRow = Selectable<CommentsTable>;
/** A thread or comment with its author's display name (null once the account is gone). */
export type WithAuthor<T> = T & { author_name: string | null };

function threadsWithAuthor(db: Db) {
  return db.selectFrom('threads').leftJoin('users', 'users.id', 'threads.author_id').selectAll('threads').select('users.display_name as author_name');
}

function commentsWithAuthor(db: Db) {
  return db.selectFrom('comments').leftJoin('users', 'users.id', 'comments.author_id').selectAll('comments').select('users.display_name as author_name');
}

export function findThread(db: Db, id: string): Promise<WithAuthor<ThreadRow> | undefined> {
  return threadsWithAuthor(db).where('threads.id', '=', id).executeTakeFirst();
}

export function findThreadByMessageId(db: Db, messageId: string): Promise<WithAuthor<ThreadRow> | undefined> {
  return threadsWithAuthor(db).where('threads.message_id', '=', messageId).executeTakeFirst();
}

export function findRecapThread(db: Db, sessionId: string, occurrence: string): Promise<WithAuthor<ThreadRow> | undefined> {
  return threadsWithAuthor(db).where('threads.session_id', '=', sessionId).where('threads.occurrence', '=', occurrence).executeTakeFirst();
}

/**
 * A group's threads, latest activity first, from a (last activity, id) cursor on. A thread
 * its author deleted stays listed while it has comments (they are the others' words).
 * Recap threads appear once someone has commented.
 */
export function listThreads(
  db: Db,
  groupId: string,
  page: { before: { at: string; id: string | null } | null; limit: number },
): Promise<WithAuthor<ThreadRow>[]> {
  let query = threadsWithAuthor(db)
    .where('threads.group_id', '=', groupId)
    .where((eb) => eb.or([eb.and([eb('threads.deleted_at', 'is', null), eb('threads.session_id', 'is', null)]), eb('threads.comment_count', '>', 0)]));
  const before = page.before;
  if (before) {
    query = before.id
      ? query.where((eb) =>
          eb.or([eb('threads.last_activity_at', '<', before.at), eb.and([eb('threads.last_activity_at', '=', before.at), eb('threads.id', '<', before.id!)])]),
        )
      : query.where('threads.last_activity_at', '<', before.at);
  }
  return query.orderBy('threads.last_activity_at', 'desc').orderBy('threads.id', 'desc').limit(page.limit).execute();
}

export function findComment(db: Db, id: string): Promise<WithAuthor<CommentRow> | undefined> {
  return commentsWithAuthor(db).where('comments.id', '=', id).executeTakeFirst();
}

export function findCommentByMessageId(db: Db, messageId: string): Promise<WithAuthor<CommentRow> | undefined> {
  return commentsWithAuthor(db).where('comments.message_id', '=', messageId).executeTakeFirst();
}

export function listComments(db: Db, threadId: string): Promise<WithAuthor<CommentRow>[]> {
  return commentsWithAuthor(db).where('comments.thread_id', '=', threadId).orderBy('comments.created_at').orderBy('comments.id').execute();
}

/** Inserts a thread unless one with its Message-ID exists; true when this call inserted it. */
export async function insertThread(db: Db, row: ThreadRow): Promise<boolean> {
  const inserted = await db
    .insertInto('threads')
    .values(row)
    .onConflict((oc) => oc.column('message_id').doNothing())
    .returning('id')
    .execute();
  return inserted.length === 1;
}

/** Creates an occurrence's recap thread unless it exists (two first comments may race). */
export async function insertRecapThread(db: Db, row: ThreadRow): Promise<void> {
  await db
    .insertInto('threads')
    .values(row)
    .onConflict((oc) => oc.columns(['session_id', 'occurrence']).doNothing())
    .execute();
}

/** Inserts a comment unless one with its Message-ID exists; true when this call inserted it. */
export async function insertComment(db: Db, row: CommentRow): Promise<boolean> {
  const inserted = await db
    .insertInto('comments')
    .values(row)
    .onConflict((oc) => oc.column('message_id').doNothing())
    .returning('id')
    .execute();
  return inserted.length === 1;
}

/**
 * Counts a new comment and moves the thread up, only while it is open (not locked, hidden or
 * deleted). False when it was closed in the meantime: the caller rolls the comment back.
 */
export async function recordCommentOnThread(db: Db, threadId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('threads')
    .set((eb) => ({ comment_count: eb('comment_count', '+', 1), last_activity_at: at }))
    .where('id', '=', threadId)
    .where('locked_at', 'is', null)
    .where('hidden_at', 'is', null)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateThread(db: Db, id: string, changes: Partial<Omit<ThreadRow, 'id'>>): Promise<void> {
  await db.updateTable('threads').set(changes).where('id', '=', id).execute();
}

export async function updateComment(db: Db, id: string, changes: Partial<Omit<CommentRow, 'id'>>): Promise<void> {
  await db.updateTable('comments').set(changes).where('id', '=', id).execute();
}

/**
 * The thread a mail refers to (by its In-Reply-To / References ids): a thread's own id or any
 * of its comments', within one group. The most recent match wins.
 */
export async function findThreadIdByMessageIds(db: Db, groupId: string, messageIds: string[]): Promise<string | null> {
  if (messageIds.length === 0) return null;
  const direct = await db
    .selectFrom('threads')
    .select(['id', 'created_at'])
    .where('group_id', '=', groupId)
    .where('message_id', 'in', messageIds)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const viaComment = await db
    .selectFrom('comments')
    .innerJoin('threads', 'threads.id', 'comments.thread_id')
    .select(['threads.id', 'comments.created_at'])
    .where('threads.group_id', '=', groupId)
    .where('comments.message_id', 'in', messageIds)
    .orderBy('comments.created_at', 'desc')
    .executeTakeFirst();
  if (direct && viaComment) return direct.created_at >= viaComment.created_at ? direct.id : viaComment.id;
  return direct?.id ?? viaComment?.id ?? null;
}

/** Threads started in [from, to) that everyone may read (for digests). */
export function listThreadsStartedBetween(db: Db, groupId: string, from: string, to: string): Promise<WithAuthor<ThreadRow>[]> {
  return threadsWithAuthor(db)
    .where('threads.group_id', '=', groupId)
    .where('threads.created_at', '>=', from)
    .where('threads.created_at', '<', to)
    .where('threads.hidden_at', 'is', null)
    .where('threads.deleted_at', 'is', null)
    .where('threads.session_id', 'is', null)
    .orderBy('threads.created_at')
    .orderBy('threads.id')
    .execute();
}

/** Comments posted in [from, to) on threads everyone may read, with their thread's title. */
export function listCommentsPostedBetween(db: Db, groupId: string, from: string, to: string) {
  return db
    .selectFrom('comments')
    .innerJoin('threads', 'threads.id', 'comments.thread_id')
    .leftJoin('users', 'users.id', 'comments.author_id')
    .selectAll('comments')
    .select(['users.display_name as author_name', 'threads.title as thread_title'])
    .where('threads.group_id', '=', groupId)
    .where('comments.created_at', '>=', from)
    .where('comments.created_at', '<', to)
    .where('comments.hidden_at', 'is', null)
    .where('comments.deleted_at', 'is', null)
    .where('threads.hidden_at', 'is', null)
    .where('threads.deleted_at', 'is', null)
    .orderBy('comments.created_at')
    .orderBy('comments.id')
    .execute();
}

// --- For other modules (through discussions.hooks.ts) ------------------------------------

/** A thread's moderation state (no body, no author name). */
export function findThreadState(db: Db, id: string) {
  return db
    .selectFrom('threads')
    .select(['id', 'group_id', 'author_id', 'title', 'hidden_at', 'locked_at', 'deleted_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A comment's moderation state with its thread's group and state. */
export function findCommentState(db: Db, id: string) {
  return db
    .selectFrom('comments')
    .innerJoin('threads', 'threads.id', 'comments.thread_id')
    .select([
      'comments.id',
      'comments.thread_id',
      'comments.author_id',
      'comments.hidden_at',
      'comments.deleted_at',
      'threads.group_id',
      'threads.title as thread_title',
      'threads.hidden_at as thread_hidden_at',
      'threads.locked_at as thread_locked_at',
      'threads.deleted_at as thread_deleted_at',
    ])
    .where('comments.id', '=', id)
    .executeTakeFirst();
}

export function findCommentThreadId(db: Db, id: string) {
  return db.selectFrom('comments').select('thread_id').where('id', '=', id).executeTakeFirst();
}

export async function updateThreadModeration(
  db: Db,
  id: string,
  changes: Partial<{ hidden_at: string | null; hidden_by: string | null; locked_at: string | null; locked_by: string | null }>,
): Promise<void> {
  await db.updateTable('threads').set(changes).where('id', '=', id).execute();
}

export async function updateCommentModeration(db: Db, id: string, changes: { hidden_at: string | null; hidden_by: string | null }): Promise<void> {
  await db.updateTable('comments').set(changes).where('id', '=', id).execute();
}

/** Whether a thread (and, when given, one of its comments) is neither hidden nor deleted. */
export async function findPostState(db: Db, threadId: string, commentId: string | null) {
  const thread = await db.selectFrom('threads').select(['hidden_at', 'deleted_at']).where('id', '=', threadId).executeTakeFirst();
  if (!commentId) return { thread, comment: undefined };
  const comment = await db.selectFrom('comments').select(['thread_id', 'hidden_at', 'deleted_at']).where('id', '=', commentId).executeTakeFirst();
  return { thread, comment };
}

/** Threads and comments posted since `since` (ids only), for the e-mail fan-out sweep. */
export async function listPostsSince(db: Db, since: string): Promise<{ threadId: string; commentId: string | null }[]> {
  const [threads, comments] = await Promise.all([
    db.selectFrom('threads').select('id').where('created_at', '>=', since).where('deleted_at', 'is', null).execute(),
    db.selectFrom('comments').select(['id', 'thread_id']).where('created_at', '>=', since).where('deleted_at', 'is', null).execute(),
  ]);
  return [...threads.map((t) => ({ threadId: t.id, commentId: null })), ...comments.map((c) => ({ threadId: c.thread_id, commentId: c.id }))];
}
