import type { Kysely } from 'kysely';

/**
 * Between sessions: threads and comments (incl. comments on a session's recap), how each
 * member follows each group, in-app notifications, reports, moderation (audit log, bans),
 * and the signed reply addresses of the e-mail group.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // How a member follows the group: web | email-each | email-digest | post.
  await db.schema
    .alterTable('memberships')
    .addColumn('delivery', 'text', (c) => c.notNull().defaultTo('web'))
    .execute();
  // The digest covers activity after this instant (null: since the member chose the digest).
  await db.schema.alterTable('memberships').addColumn('digested_until', 'text').execute();
  // Platform moderators see every group's moderation queue (admins are moderators too).
  await db.schema
    .alterTable('users')
    .addColumn('is_moderator', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('threads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // A recap's comments live in a thread tied to that occurrence (one per session date).
    .addColumn('session_id', 'text', (c) => c.references('group_sessions.id').onDelete('set null'))
    .addColumn('occurrence', 'text')
    .addColumn('locked_at', 'text')
    .addColumn('locked_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('hidden_at', 'text')
    .addColumn('hidden_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('deleted_at', 'text')
    // 'web' or 'email': where the first post came from.
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('web'))
    // RFC 5322 Message-ID (without <>) mails about this thread refer to, for threading.
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_activity_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .execute();
  await db.schema.createIndex('threads_group_activity').on('threads').columns(['group_id', 'last_activity_at']).execute();
  await db.schema.createIndex('threads_recap').on('threads').columns(['session_id', 'occurrence']).unique().execute();
  // A thread started by mail and delivered twice starts once; replies find their thread by it.
  await db.schema.createIndex('threads_message_id').on('threads').column('message_id').unique().execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('thread_id', 'text', (c) => c.notNull().references('threads.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('hidden_at', 'text')
    .addColumn('hidden_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('deleted_at', 'text')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('web'))
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .execute();
  await db.schema.createIndex('comments_thread').on('comments').columns(['thread_id', 'created_at']).execute();
  // An inbound mail delivered twice (retrying MTAs) posts once.
  await db.schema.createIndex('comments_message_id').on('comments').column('message_id').unique().execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    // thread.created | comment.created | report.created | …
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('thread_id', 'text', (c) => c.references('threads.id').onDelete('cascade'))
    .addColumn('comment_id', 'text', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('thread_id', 'text', (c) => c.references('threads.id').onDelete('cascade'))
    .addColumn('comment_id', 'text', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('reporter_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    // open | resolved | dismissed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('reports_group_status').on('reports').columns(['group_id', 'status', 'created_at']).execute();

  // Append-only: every moderation action, who took it, on what.
  await db.schema
    .createTable('moderation_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.references('groups.id').onDelete('cascade'))
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    // thread.hidden | thread.unhidden | comment.hidden | thread.locked | member.removed | member.banned | report.dismissed …
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('thread_id', 'text', (c) => c.references('threads.id').onDelete('set null'))
    .addColumn('comment_id', 'text', (c) => c.references('comments.id').onDelete('set null'))
    .addColumn('report_id', 'text', (c) => c.references('reports.id').onDelete('set null'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('moderation_log_group').on('moderation_log').columns(['group_id', 'created_at']).execute();

  await db.schema
    .createTable('group_bans')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('banned_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_bans_pk', ['group_id', 'user_id'])
    .execute();

  // A member's personal reply address for one group: reply+<id>.<signature>@MAIL_DOMAIN.
  // The signature proves we issued it; revoked_at (leaving, removal, ban) turns it off.
  await db.schema
    .createTable('reply_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('reply_tokens_member').on('reply_tokens').columns(['group_id', 'user_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['reply_tokens', 'group_bans', 'moderation_log', 'reports', 'notifications', 'comments', 'threads']) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable('users').dropColumn('is_moderator').execute();
  await db.schema.alterTable('memberships').dropColumn('digested_until').execute();
  await db.schema.alterTable('memberships').dropColumn('delivery').execute();
}
