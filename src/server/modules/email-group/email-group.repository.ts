import { randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';

/** A member who receives the group's mail, with what their mail needs (never shown to others). */
export interface MailMember {
  user_id: string;
  email: string;
  display_name: string;
  locale: string;
  time_zone: string;
  /** users.is_admin / users.is_moderator: what the discussions' access check needs of the poster. */
  is_admin: number;
  is_moderator: number;
}

function mailMembers(db: Db, groupId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id as user_id', 'users.email', 'users.display_name', 'users.locale', 'users.time_zone', 'users.is_admin', 'users.is_moderator'])
    .where('memberships.group_id', '=', groupId)
    .where('memberships.status', '=', 'active')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('group_bans')
            .select('group_bans.user_id')
            .whereRef('group_bans.group_id', '=', 'memberships.group_id')
            .whereRef('group_bans.user_id', '=', 'memberships.user_id'),
        ),
      ),
    );
}

/** Active, unbanned members following the group post by post by e-mail, but the author. */
export function listEachPostRecipients(db: Db, groupId: string, authorId: string | null): Promise<MailMember[]> {
  let query = mailMembers(db, groupId).where('memberships.delivery', '=', 'email-each');
  if (authorId) query = query.where('memberships.user_id', '!=', authorId);
  return query.orderBy('users.id').execute();
}

export interface DigestMember extends MailMember {
  group_id: string;
  digested_until: string | null;
  joined_at: string | null;
}

/** Every active membership on the daily digest, across groups. */
export function listDigestMembers(db: Db): Promise<DigestMember[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .innerJoin('groups', 'groups.id', 'memberships.group_id')
    .select([
      'memberships.group_id',
      'memberships.digested_until',
      'memberships.joined_at',
      'users.id as user_id',
      'users.email',
      'users.display_name',
      'users.locale',
      'users.time_zone',
      'users.is_admin',
      'users.is_moderator',
    ])
    .where('memberships.status', '=', 'active')
    .where('memberships.delivery', '=', 'email-digest')
    .where('groups.status', '=', 'active')
    .orderBy('memberships.group_id')
    .execute();
}

export async function updateDigestedUntil(db: Db, groupId: string, userId: string, until: string): Promise<void> {
  await db.updateTable('memberships').set({ digested_until: until }).where('group_id', '=', groupId).where('user_id', '=', userId).execute();
}

/** An active, unbanned member of the group with this address (the address is compared as given, lower-cased). */
export function findMemberByEmail(db: Db, groupId: string, email: string): Promise<MailMember | undefined> {
  return mailMembers(db, groupId).where('users.email', '=', email.toLowerCase()).executeTakeFirst();
}

export function findMember(db: Db, groupId: string, userId: string): Promise<MailMember | undefined> {
  return mailMembers(db, groupId).where('memberships.user_id', '=', userId).executeTakeFirst();
}

export function findReplyToken(db: Db, id: string) {
  return db.selectFrom('reply_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Each member's live reply token for the group, creating the missing ones in one batch.
 * Ids are 10 random bytes in hex (20 lower-case characters): `reply+<id>.<20 hex>` is 47
 * octets, under the 64 of an address's local part, and survives relays that lower-case it.
 */
export async function replyTokensFor(db: Db, groupId: string, userIds: string[], now: string): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (let i = 0; i < userIds.length; i += 500) {
    const chunk = userIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('reply_tokens')
      .select(['id', 'user_id'])
      .where('group_id', '=', groupId)
      .where('user_id', 'in', chunk)
      .where('revoked_at', 'is', null)
      .execute();
    for (const r of rows) if (!tokens.has(r.user_id)) tokens.set(r.user_id, r.id);
    const missing = chunk
      .filter((u) => !tokens.has(u))
      .map((user_id) => ({ id: randomBytes(10).toString('hex'), user_id, group_id: groupId, created_at: now, revoked_at: null }));
    if (missing.length > 0) {
      await db.insertInto('reply_tokens').values(missing).execute();
      for (const m of missing) tokens.set(m.user_id, m.id);
    }
  }
  return tokens;
}

/** The group a list address names, if it is published (drafts receive nothing). */
export function findActiveGroupBySlug(db: Db, slug: string) {
  return db.selectFrom('groups').select(['id', 'slug', 'name']).where('slug', '=', slug).where('status', '=', 'active').executeTakeFirst();
}

export function findGroup(db: Db, groupId: string) {
  return db.selectFrom('groups').select(['id', 'slug', 'name', 'status']).where('id', '=', groupId).executeTakeFirst();
}

export async function setDelivery(db: Db, groupId: string, userId: string, delivery: string): Promise<number> {
  const result = await db
    .updateTable('memberships')
    .set({ delivery })
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Threads and comments posted since `since` (ids only), for the fan-out sweep. */
export async function listPostsSince(db: Db, since: string): Promise<{ threadId: string; commentId: string | null }[]> {
  const [threads, comments] = await Promise.all([
    db.selectFrom('threads').select('id').where('created_at', '>=', since).where('deleted_at', 'is', null).execute(),
    db.selectFrom('comments').select(['id', 'thread_id']).where('created_at', '>=', since).where('deleted_at', 'is', null).execute(),
  ]);
  return [...threads.map((t) => ({ threadId: t.id, commentId: null })), ...comments.map((c) => ({ threadId: c.thread_id, commentId: c.id }))];
}
