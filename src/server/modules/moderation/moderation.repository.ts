import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { GroupBansTable, ModerationLogTable, ReportsTable } from '../../platform/db/tables/moderation.tables.ts';
import type { NotificationsTable } from '../../platform/db/tables/notifications.tables.ts';

/** A page position: the id of the last item seen; items are ordered newest first, then by id. */
export interface Page {
  before?: string | undefined;
  limit: number;
}

export async function listActiveLeaderIds(db: Db, groupId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('group_id', '=', groupId)
    .where('status', '=', 'active')
    .where('role', '=', 'leader')
    .execute();
  return rows.map((r) => r.user_id);
}

// --- Posts -----------------------------------------------------------------------------

/** A thread with what moderation needs to know about it. */
export function findThread(db: Db, id: string) {
  return db
    .selectFrom('threads')
    .select(['id', 'group_id', 'author_id', 'title', 'hidden_at', 'locked_at', 'deleted_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A comment with its thread's group and state (a hidden or deleted thread takes its comments with it). */
export function findComment(db: Db, id: string) {
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

// --- Reports ---------------------------------------------------------------------------

export async function insertReport(db: Db, row: Insertable<ReportsTable>): Promise<void> {
  await db.insertInto('reports').values(row).execute();
}

export function findReport(db: Db, id: string) {
  return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The reporter's own open report on this post (a thread's own, or one comment's). */
export function findOpenReportBy(db: Db, reporterId: string, threadId: string, commentId: string | null) {
  let q = db.selectFrom('reports').selectAll().where('reporter_id', '=', reporterId).where('thread_id', '=', threadId).where('status', '=', 'open');
  q = commentId ? q.where('comment_id', '=', commentId) : q.where('comment_id', 'is', null);
  return q.orderBy('created_at').executeTakeFirst();
}

export async function updateReport(db: Db, id: string, changes: { status: string; resolved_at: string | null; resolved_by: string | null }): Promise<void> {
  await db.updateTable('reports').set(changes).where('id', '=', id).execute();
}

/** Open reports on one post (a thread's own reports, or one comment's). */
export async function listOpenReportIdsOf(db: Db, threadId: string, commentId: string | null): Promise<string[]> {
  let q = db.selectFrom('reports').select('id').where('thread_id', '=', threadId).where('status', '=', 'open');
  q = commentId ? q.where('comment_id', '=', commentId) : q.where('comment_id', 'is', null);
  return (await q.execute()).map((r) => r.id);
}

export async function resolveReports(db: Db, ids: string[], by: string, now: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('reports').set({ status: 'resolved', resolved_at: now, resolved_by: by }).where('id', 'in', ids).where('status', '=', 'open').execute();
}

/**
 * Reports with everything the queue shows: reporter, group, the post (a comment's thread for
 * context) and its author. Display names only, never addresses.
 */
export async function listReports(db: Db, filter: { groupId?: string; status: string; id?: string }, page: Page) {
  let q = db
    .selectFrom('reports')
    .innerJoin('groups', 'groups.id', 'reports.group_id')
    .leftJoin('threads', 'threads.id', 'reports.thread_id')
    .leftJoin('comments', 'comments.id', 'reports.comment_id')
    .leftJoin('users as reporter', 'reporter.id', 'reports.reporter_id')
    .leftJoin('users as thread_author', 'thread_author.id', 'threads.author_id')
    .leftJoin('users as comment_author', 'comment_author.id', 'comments.author_id')
    .select([
      'reports.id',
      'reports.reason',
      'reports.note',
      'reports.status',
      'reports.created_at',
      'reports.resolved_at',
      'reports.thread_id',
      'reports.comment_id',
      'reporter.id as reporter_id',
      'reporter.display_name as reporter_name',
      'groups.slug as group_slug',
      'groups.name as group_name',
      'threads.title as thread_title',
      'threads.body as thread_body',
      'threads.hidden_at as thread_hidden_at',
      'threads.locked_at as thread_locked_at',
      'threads.deleted_at as thread_deleted_at',
      'thread_author.id as thread_author_id',
      'thread_author.display_name as thread_author_name',
      'comments.body as comment_body',
      'comments.hidden_at as comment_hidden_at',
      'comments.deleted_at as comment_deleted_at',
      'comment_author.id as comment_author_id',
      'comment_author.display_name as comment_author_name',
    ]);
  if (filter.id) q = q.where('reports.id', '=', filter.id);
  else q = q.where('reports.status', '=', filter.status);
  if (filter.groupId) q = q.where('reports.group_id', '=', filter.groupId);
  if (page.before) {
    const anchor = await db.selectFrom('reports').select(['id', 'created_at']).where('id', '=', page.before).executeTakeFirst();
    if (!anchor) return [];
    q = q.where((eb) =>
      eb.or([eb('reports.created_at', '<', anchor.created_at), eb.and([eb('reports.created_at', '=', anchor.created_at), eb('reports.id', '<', anchor.id)])]),
    );
  }
  return q.orderBy('reports.created_at', 'desc').orderBy('reports.id', 'desc').limit(page.limit).execute();
}

export type ReportListRow = Awaited<ReturnType<typeof listReports>>[number];

// --- Notifications ---------------------------------------------------------------------

export async function insertNotifications(db: Db, rows: Insertable<NotificationsTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('notifications').values(rows).execute();
}

/** A departing member's notifications of the group: they point at posts they may no longer read. */
export async function deleteNotificationsOfMember(db: Db, groupId: string, userId: string): Promise<void> {
  await db.deleteFrom('notifications').where('group_id', '=', groupId).where('user_id', '=', userId).execute();
}

// --- Audit log -------------------------------------------------------------------------

export async function insertLogEntry(db: Db, row: Insertable<ModerationLogTable>): Promise<void> {
  await db.insertInto('moderation_log').values(row).execute();
}

/** The audit log, newest first, with names (never addresses) of the people in it. */
export async function listLogEntries(db: Db, filter: { groupId?: string }, page: Page) {
  let q = db
    .selectFrom('moderation_log as log')
    .leftJoin('groups', 'groups.id', 'log.group_id')
    .leftJoin('users as actor', 'actor.id', 'log.actor_id')
    .leftJoin('users as target', 'target.id', 'log.target_user_id')
    .leftJoin('threads', 'threads.id', 'log.thread_id')
    .leftJoin('comments', 'comments.id', 'log.comment_id')
    .leftJoin('reports', 'reports.id', 'log.report_id')
    .select([
      'log.id',
      'log.action',
      'log.note',
      'log.created_at',
      'log.thread_id',
      'log.comment_id',
      'log.report_id',
      'groups.slug as group_slug',
      'groups.name as group_name',
      'actor.id as actor_id',
      'actor.display_name as actor_name',
      'target.id as target_id',
      'target.display_name as target_name',
      'threads.title as thread_title',
      'comments.thread_id as comment_thread_id',
      'reports.reason as report_reason',
      'reports.status as report_status',
    ]);
  if (filter.groupId) q = q.where('log.group_id', '=', filter.groupId);
  if (page.before) {
    const anchor = await db.selectFrom('moderation_log').select(['id', 'created_at']).where('id', '=', page.before).executeTakeFirst();
    if (!anchor) return [];
    q = q.where((eb) =>
      eb.or([eb('log.created_at', '<', anchor.created_at), eb.and([eb('log.created_at', '=', anchor.created_at), eb('log.id', '<', anchor.id)])]),
    );
  }
  return q.orderBy('log.created_at', 'desc').orderBy('log.id', 'desc').limit(page.limit).execute();
}

export type LogListRow = Awaited<ReturnType<typeof listLogEntries>>[number];

// --- Bans ------------------------------------------------------------------------------

export function findBan(db: Db, groupId: string, userId: string) {
  return db.selectFrom('group_bans').selectAll().where('group_id', '=', groupId).where('user_id', '=', userId).executeTakeFirst();
}

export async function insertBan(db: Db, row: Selectable<GroupBansTable>): Promise<void> {
  await db.insertInto('group_bans').values(row).execute();
}

export async function deleteBan(db: Db, groupId: string, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('group_bans').where('group_id', '=', groupId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A group's bans with the display names of who was banned and by whom. */
export function listBans(db: Db, groupId: string, userId?: string) {
  let q = db
    .selectFrom('group_bans')
    .innerJoin('users as banned', 'banned.id', 'group_bans.user_id')
    .leftJoin('users as by', 'by.id', 'group_bans.banned_by')
    .select([
      'banned.id as user_id',
      'banned.display_name as user_name',
      'group_bans.reason',
      'group_bans.created_at',
      'by.id as by_id',
      'by.display_name as by_name',
    ])
    .where('group_bans.group_id', '=', groupId);
  if (userId) q = q.where('group_bans.user_id', '=', userId);
  return q.orderBy('group_bans.created_at', 'desc').orderBy('group_bans.user_id').execute();
}

export type BanListRow = Awaited<ReturnType<typeof listBans>>[number];

// --- Revocation ------------------------------------------------------------------------

export async function revokeReplyTokens(db: Db, groupId: string, userId: string, now: string): Promise<void> {
  await db
    .updateTable('reply_tokens')
    .set({ revoked_at: now })
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Whether a thread (and, when given, one of its comments) is neither hidden nor deleted. */
export async function findPostState(db: Db, threadId: string, commentId: string | null) {
  const thread = await db.selectFrom('threads').select(['hidden_at', 'deleted_at']).where('id', '=', threadId).executeTakeFirst();
  if (!commentId) return { thread, comment: undefined };
  const comment = await db.selectFrom('comments').select(['thread_id', 'hidden_at', 'deleted_at']).where('id', '=', commentId).executeTakeFirst();
  return { thread, comment };
}
