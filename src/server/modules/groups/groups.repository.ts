import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { GroupsTable, MembershipsTable } from '../../platform/db/tables/groups.tables.ts';

export type GroupRow = GroupsTable;
export type MembershipRow = Selectable<MembershipsTable>;

export function findGroupBySlug(db: Db, slug: string) {
  return db.selectFrom('groups').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function findGroupById(db: Db, id: string) {
  return db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findGroupsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('groups').selectAll().where('id', 'in', ids).execute();
}

export async function isSlugTaken(db: Db, slug: string): Promise<boolean> {
  return Boolean(await db.selectFrom('groups').select('id').where('slug', '=', slug).executeTakeFirst());
}

export async function insertGroup(db: Db, row: GroupRow): Promise<void> {
  await db.insertInto('groups').values(row).execute();
}

export async function updateGroup(db: Db, id: string, changes: Partial<Omit<GroupRow, 'id'>>): Promise<void> {
  await db.updateTable('groups').set(changes).where('id', '=', id).execute();
}

export async function deleteGroup(db: Db, id: string): Promise<void> {
  await db.deleteFrom('groups').where('id', '=', id).execute();
}

export async function insertCharterVersion(db: Db, row: { group_id: string; version: number; text: string; created_at: string }) {
  await db.insertInto('group_charters').values(row).execute();
}

export function findMembership(db: Db, groupId: string, userId: string) {
  return db.selectFrom('memberships').selectAll().where('group_id', '=', groupId).where('user_id', '=', userId).executeTakeFirst();
}

export async function countActiveMembers(db: Db, groupId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('group_id', '=', groupId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listLeaders(db: Db, groupId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id as user_id', 'users.display_name', 'memberships.leader_type', 'memberships.profession'])
    .where('memberships.group_id', '=', groupId)
    .where('memberships.role', '=', 'leader')
    .where('memberships.status', '=', 'active')
    .orderBy('memberships.joined_at')
    .execute();
}

/** Public, published groups, newest first, with their active member counts. */
export async function listPublicGroups(db: Db, limit: number, offset: number) {
  const base = db.selectFrom('groups').where('status', '=', 'active').where('visibility', '=', 'public');
  const [rows, total] = await Promise.all([
    base.selectAll().orderBy('published_at', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Every group the user belongs to or asked to join, with their membership. */
export function listGroupsOfUser(db: Db, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('groups', 'groups.id', 'memberships.group_id')
    .selectAll('groups')
    .select(['memberships.status as membership_status', 'memberships.role as membership_role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('groups.name')
    .execute();
}

/** Active member counts for many groups in one query. */
export async function countActiveMembersOf(db: Db, groupIds: string[]): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('memberships')
    .select(['group_id', (eb) => eb.fn.countAll().as('n')])
    .where('group_id', 'in', groupIds)
    .where('status', '=', 'active')
    .groupBy('group_id')
    .execute();
  return new Map(rows.map((r) => [r.group_id, Number(r.n)]));
}

/** What jobs and mail need of a group: its names, status and clock. */
export function findGroupSummary(db: Db, id: string) {
  return db.selectFrom('groups').select(['id', 'slug', 'name', 'status', 'time_zone']).where('id', '=', id).executeTakeFirst();
}

/** The published group behind a slug, with its names only (a list address names it). */
export function findActiveGroupSummaryBySlug(db: Db, slug: string) {
  return db.selectFrom('groups').select(['id', 'slug', 'name']).where('slug', '=', slug).where('status', '=', 'active').executeTakeFirst();
}
