import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { UsersTable } from '../../platform/db/tables/accounts.tables.ts';

export type UserRow = Selectable<UsersTable>;

export function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUserById(db: Db, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(db: Db, row: Insertable<UsersTable>): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(db: Db, id: string, changes: Partial<Omit<UserRow, 'id'>>): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

export async function deleteUser(db: Db, id: string): Promise<void> {
  await db.deleteFrom('users').where('id', '=', id).execute();
}

export async function insertAuthSession(db: Db, row: { id: string; user_id: string; created_at: string; expires_at: string }) {
  await db.insertInto('auth_sessions').values(row).execute();
}

/** The user behind a live session, in one query (this runs on every request). */
export function findUserBySession(db: Db, sessionId: string, now: string) {
  return db
    .selectFrom('auth_sessions')
    .innerJoin('users', 'users.id', 'auth_sessions.user_id')
    .select(['users.id', 'users.display_name', 'users.time_zone', 'users.locale', 'users.is_admin', 'users.is_moderator'])
    .where('auth_sessions.id', '=', sessionId)
    .where('auth_sessions.expires_at', '>', now)
    .executeTakeFirst();
}

export async function deleteAuthSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('auth_sessions').where('id', '=', sessionId).execute();
}

export async function deleteAuthSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('auth_sessions').where('user_id', '=', userId).execute();
}

export async function insertPasswordReset(db: Db, row: { id: string; user_id: string; created_at: string; expires_at: string }) {
  await db
    .insertInto('password_resets')
    .values({ ...row, used_at: null })
    .execute();
}

export function findUsablePasswordReset(db: Db, id: string, now: string) {
  return db.selectFrom('password_resets').selectAll().where('id', '=', id).where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
}

/** Marks every open reset of the user used: one reset ends the others. */
export async function closePasswordResets(db: Db, userId: string, now: string): Promise<void> {
  await db.updateTable('password_resets').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}
