import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { GroupBansTable, ModerationLogTable, ReportsTable } from '../../platform/db/tables/moderation.tables.ts';

/** A page position: the id of the last item seen; items are ordered newest first, then by id. */
export interface Page {
  before?: string | undefined;
  limit: number;
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

/** Which of these people are banned from the group (in chunks: a large group's list fits no single IN). */
export async function listBannedAmong(db: Db, groupId: string, userIds: string[]): Promise<Set<string>> {
  const banned = new Set<string>();
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await db
      .selectFrom('group_bans')
      .select('user_id')
      .where('group_id', '=', groupId)
      .where('user_id', 'in', userIds.slice(i, i + 500))
      .execute();
    for (const r of rows) banned.add(r.user_id);
  }
  return banned;
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
