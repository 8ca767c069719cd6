import type { Db } from '../../platform/db/database.ts';
import type { Insertable } from 'kysely';
import type { MembershipsTable } from '../../platform/db/tables/groups.tables.ts';
import type { MembershipRow } from './groups.repository.ts';

export async function insertMembership(db: Db, row: Insertable<MembershipsTable>): Promise<void> {
  await db.insertInto('memberships').values(row).execute();
}

export async function updateMembership(db: Db, groupId: string, userId: string, changes: Partial<MembershipRow>): Promise<void> {
  await db.updateTable('memberships').set(changes).where('group_id', '=', groupId).where('user_id', '=', userId).execute();
}

export async function deleteMembership(db: Db, groupId: string, userId: string): Promise<void> {
  await db.deleteFrom('memberships').where('group_id', '=', groupId).where('user_id', '=', userId).execute();
}

export async function countActiveLeaders(db: Db, groupId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('group_id', '=', groupId)
    .where('status', '=', 'active')
    .where('role', '=', 'leader')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Active members with the public face of each: display name and role, never an address. */
export function listActiveMembers(db: Db, groupId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id as user_id', 'users.display_name', 'memberships.role', 'memberships.leader_type', 'memberships.profession', 'memberships.joined_at'])
    .where('memberships.group_id', '=', groupId)
    .where('memberships.status', '=', 'active')
    .orderBy('memberships.role')
    .orderBy('memberships.joined_at')
    .execute();
}

export function listPendingRequests(db: Db, groupId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id as user_id', 'users.display_name', 'memberships.created_at'])
    .where('memberships.group_id', '=', groupId)
    .where('memberships.status', '=', 'pending')
    .orderBy('memberships.created_at')
    .execute();
}

/** Leaders' addresses and languages, for mail sent on the group's behalf (never returned). */
export function listLeaderContacts(db: Db, groupId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.email', 'users.locale'])
    .where('memberships.group_id', '=', groupId)
    .where('memberships.status', '=', 'active')
    .where('memberships.role', '=', 'leader')
    .execute();
}

/** One member's address and language, for mail to them (never returned). */
export function findMemberContact(db: Db, userId: string) {
  return db.selectFrom('users').select(['email', 'locale', 'display_name']).where('id', '=', userId).executeTakeFirst();
}

/** Groups where the user is an active leader, with how many other leaders and members remain. */
export function listLedGroupsWithCounts(db: Db, userId: string) {
  return db
    .selectFrom('memberships as mine')
    .where('mine.user_id', '=', userId)
    .where('mine.role', '=', 'leader')
    .where('mine.status', '=', 'active')
    .select((eb) => [
      'mine.group_id',
      eb
        .selectFrom('memberships as o')
        .whereRef('o.group_id', '=', 'mine.group_id')
        .where('o.user_id', '!=', userId)
        .where('o.status', '=', 'active')
        .where('o.role', '=', 'leader')
        .select((e) => e.fn.countAll().as('n'))
        .as('other_leaders'),
      eb
        .selectFrom('memberships as o')
        .whereRef('o.group_id', '=', 'mine.group_id')
        .where('o.user_id', '!=', userId)
        .where('o.status', '=', 'active')
        .select((e) => e.fn.countAll().as('n'))
        .as('other_members'),
    ])
    .execute();
}

export async function insertInvitation(db: Db, row: { id: string; group_id: string; created_by: string; created_at: string; expires_at: string }) {
  await db
    .insertInto('invitations')
    .values({ ...row, used_at: null })
    .execute();
}

export function findUsableInvitation(db: Db, id: string, now: string) {
  return db.selectFrom('invitations').selectAll().where('id', '=', id).where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
}

/** Marks the invitation used; false when someone else used it first. */
export async function consumeInvitation(db: Db, id: string, now: string): Promise<boolean> {
  const result = await db.updateTable('invitations').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listActiveMemberIdsAmong(db: Db, groupId: string, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('group_id', '=', groupId)
    .where('status', '=', 'active')
    .where('user_id', 'in', userIds)
    .execute();
  return rows.map((r) => r.user_id);
}

export async function listActiveGroupIdsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('memberships').select('group_id').where('user_id', '=', userId).where('status', '=', 'active').execute();
  return rows.map((r) => r.group_id);
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

/** Active members with what mail to them needs (address, language, zone) and their platform role. */
export function mailMembers(db: Db, groupId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id as user_id', 'users.email', 'users.display_name', 'users.locale', 'users.time_zone', 'users.is_admin', 'users.is_moderator'])
    .where('memberships.group_id', '=', groupId)
    .where('memberships.status', '=', 'active');
}

/** Every active membership on the daily digest of a published group, across groups. */
export function listDigestMembers(db: Db) {
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

/** Sets an active membership's delivery; returns how many rows changed (0 or 1). */
export async function setActiveDelivery(db: Db, groupId: string, userId: string, delivery: string): Promise<number> {
  const result = await db
    .updateTable('memberships')
    .set({ delivery })
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
