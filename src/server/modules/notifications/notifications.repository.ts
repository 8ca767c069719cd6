import { sql, type Insertable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { NotificationsTable } from '../../platform/db/tables/notifications.tables.ts';

/** Kinds whose subject is a post: listed only while the post may still be read. */
const POST_KINDS = ['thread.created', 'comment.created'] as const;

/** A bound value typed as text, so PostgreSQL knows its type inside a SELECT list. */
const text = (value: string | null) => sql<string>`cast(${value} as text)`;

/**
 * One notification per active member of the group but the author, in one statement (a
 * group of thousands costs one round trip). The id is derived from the post and the person.
 */
export async function insertPostNotifications(
  db: Db,
  post: { groupId: string; kind: string; threadId: string; commentId: string | null; actorId: string; createdAt: string },
): Promise<void> {
  const subject = post.commentId ?? post.threadId;
  await db
    .insertInto('notifications')
    .columns(['id', 'user_id', 'group_id', 'kind', 'thread_id', 'comment_id', 'actor_id', 'created_at'])
    .expression((eb) =>
      eb
        .selectFrom('memberships')
        .select([
          sql<string>`${text(subject)} || '.' || memberships.user_id`.as('id'),
          'memberships.user_id',
          text(post.groupId).as('group_id'),
          text(post.kind).as('kind'),
          text(post.threadId).as('thread_id'),
          text(post.commentId).as('comment_id'),
          text(post.actorId).as('actor_id'),
          text(post.createdAt).as('created_at'),
        ])
        .where('memberships.group_id', '=', post.groupId)
        .where('memberships.status', '=', 'active')
        .where('memberships.user_id', '!=', post.actorId),
    )
    .execute();
}

/**
 * A person's notifications that they may still see: they are an active member of the group
 * now, and the post (when it is about one) is neither hidden nor deleted.
 */
function visibleNotifications(db: Db, userId: string) {
  return db
    .selectFrom('notifications as n')
    .innerJoin('groups as g', 'g.id', 'n.group_id')
    .innerJoin('memberships as m', (join) => join.onRef('m.group_id', '=', 'n.group_id').onRef('m.user_id', '=', 'n.user_id'))
    .leftJoin('threads as t', 't.id', 'n.thread_id')
    .leftJoin('comments as c', 'c.id', 'n.comment_id')
    .where('n.user_id', '=', userId)
    .where('m.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('n.kind', 'not in', [...POST_KINDS]),
        eb.and([
          eb('t.id', 'is not', null),
          eb('t.hidden_at', 'is', null),
          eb('t.deleted_at', 'is', null),
          eb.or([eb('n.comment_id', 'is', null), eb.and([eb('c.id', 'is not', null), eb('c.hidden_at', 'is', null), eb('c.deleted_at', 'is', null)])]),
        ]),
      ]),
    );
}

export function listNotifications(db: Db, userId: string, page: { before: { at: string; id: string | null } | null; limit: number }) {
  let query = visibleNotifications(db, userId)
    .leftJoin('users as a', 'a.id', 'n.actor_id')
    .select([
      'n.id',
      'n.kind',
      'n.thread_id',
      'n.comment_id',
      'n.created_at',
      'n.read_at',
      'g.slug as group_slug',
      'g.name as group_name',
      't.title as thread_title',
      'a.display_name as actor_name',
    ]);
  const before = page.before;
  if (before) {
    query = before.id
      ? query.where((eb) => eb.or([eb('n.created_at', '<', before.at), eb.and([eb('n.created_at', '=', before.at), eb('n.id', '<', before.id!)])]))
      : query.where('n.created_at', '<', before.at);
  }
  return query.orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(page.limit).execute();
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const row = await visibleNotifications(db, userId)
    .where('n.read_at', 'is', null)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks some (or all) of a person's unread notifications read; others' ids are ignored. */
export async function markRead(db: Db, userId: string, ids: string[] | 'all', at: string): Promise<void> {
  if (ids !== 'all' && ids.length === 0) return;
  let query = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') query = query.where('id', 'in', ids);
  await query.execute();
}

export async function insertNotifications(db: Db, rows: Insertable<NotificationsTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('notifications').values(rows).execute();
}

export async function deleteNotificationsOfMember(db: Db, groupId: string, userId: string): Promise<void> {
  await db.deleteFrom('notifications').where('group_id', '=', groupId).where('user_id', '=', userId).execute();
}
