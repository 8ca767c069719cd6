import type { Db } from '../../platform/db/database.ts';
import type { GroupSessionsTable, RsvpsTable, SessionExceptionsTable } from '../../platform/db/tables/sessions.tables.ts';

export type SessionRow = GroupSessionsTable;
export type ExceptionRow = SessionExceptionsTable;
export type RsvpRow = RsvpsTable;

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto('group_sessions').values(row).execute();
}

export async function updateSession(db: Db, id: string, changes: Partial<SessionRow>): Promise<void> {
  await db.updateTable('group_sessions').set(changes).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('group_sessions').where('id', '=', id).execute();
}

export function findSession(db: Db, id: string) {
  return db.selectFrom('group_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listSessionsOfGroup(db: Db, groupId: string) {
  return db.selectFrom('group_sessions').selectAll().where('group_id', '=', groupId).orderBy('start_local').orderBy('id').execute();
}

/** Sessions of many groups at once, with their group's slug and name (for "my sessions"). */
export function listSessionsOfGroups(db: Db, groupIds: string[]) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('group_sessions')
    .innerJoin('groups', 'groups.id', 'group_sessions.group_id')
    .selectAll('group_sessions')
    .select(['groups.slug as group_slug', 'groups.name as group_name'])
    .where('group_sessions.group_id', 'in', groupIds)
    .execute();
}

export function listExceptions(db: Db, sessionIds: string[]) {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('session_exceptions').selectAll().where('session_id', 'in', sessionIds).execute();
}

/** Records a cancellation or a move of one occurrence (replacing an earlier one). */
export async function upsertException(db: Db, row: ExceptionRow): Promise<void> {
  await db.deleteFrom('session_exceptions').where('session_id', '=', row.session_id).where('occurrence', '=', row.occurrence).execute();
  await db.insertInto('session_exceptions').values(row).execute();
}

export async function deleteException(db: Db, sessionId: string, occurrence: string): Promise<void> {
  await db.deleteFrom('session_exceptions').where('session_id', '=', sessionId).where('occurrence', '=', occurrence).execute();
}

/** RSVP counts per (session, occurrence) for the given sessions. */
export function countRsvps(db: Db, sessionIds: string[]) {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('rsvps')
    .select(['session_id', 'occurrence', 'status', (eb) => eb.fn.countAll().as('n')])
    .where('session_id', 'in', sessionIds)
    .where('status', 'in', ['going', 'waitlisted'])
    .groupBy(['session_id', 'occurrence', 'status'])
    .execute();
}

export function listRsvpsOfUser(db: Db, userId: string, sessionIds: string[]) {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('rsvps').selectAll().where('user_id', '=', userId).where('session_id', 'in', sessionIds).execute();
}

export function findRsvp(db: Db, sessionId: string, occurrence: string, userId: string) {
  return db
    .selectFrom('rsvps')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('occurrence', '=', occurrence)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function upsertRsvp(db: Db, row: RsvpRow): Promise<void> {
  await db.deleteFrom('rsvps').where('session_id', '=', row.session_id).where('occurrence', '=', row.occurrence).where('user_id', '=', row.user_id).execute();
  await db.insertInto('rsvps').values(row).execute();
}

export async function countGoing(db: Db, sessionId: string, occurrence: string): Promise<number> {
  const row = await db
    .selectFrom('rsvps')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('session_id', '=', sessionId)
    .where('occurrence', '=', occurrence)
    .where('status', '=', 'going')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The wait-list in order: first come, first served. */
export function listWaitlist(db: Db, sessionId: string, occurrence: string) {
  return db
    .selectFrom('rsvps')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('occurrence', '=', occurrence)
    .where('status', '=', 'waitlisted')
    .orderBy('queued_at')
    .orderBy('user_id')
    .execute();
}

/** Gives the named people on an occurrence's wait-list their place. */
export async function updateRsvpsToGoing(db: Db, sessionId: string, occurrence: string, userIds: string[], now: string): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .updateTable('rsvps')
    .set({ status: 'going', updated_at: now })
    .where('session_id', '=', sessionId)
    .where('occurrence', '=', occurrence)
    .where('user_id', 'in', userIds)
    .execute();
}

/** A member's "going" or wait-listed answers to the group's occurrences that have not started yet. */
export function listUpcomingRsvpsInGroup(db: Db, groupId: string, userId: string, now: string) {
  return db
    .selectFrom('rsvps')
    .innerJoin('group_sessions', 'group_sessions.id', 'rsvps.session_id')
    .select(['rsvps.session_id', 'rsvps.occurrence', 'rsvps.status', 'group_sessions.capacity'])
    .where('group_sessions.group_id', '=', groupId)
    .where('rsvps.user_id', '=', userId)
    .where('rsvps.status', 'in', ['going', 'waitlisted'])
    .where('rsvps.starts_at', '>', now)
    .execute();
}

export async function deleteRsvp(db: Db, sessionId: string, occurrence: string, userId: string): Promise<void> {
  await db.deleteFrom('rsvps').where('session_id', '=', sessionId).where('occurrence', '=', occurrence).where('user_id', '=', userId).execute();
}

/** Who said what for one occurrence, with display names (never addresses). */
export function listRsvpsWithNames(db: Db, sessionId: string, occurrence: string) {
  return db
    .selectFrom('rsvps')
    .innerJoin('users', 'users.id', 'rsvps.user_id')
    .select(['rsvps.user_id', 'users.display_name', 'rsvps.status', 'rsvps.queued_at'])
    .where('rsvps.session_id', '=', sessionId)
    .where('rsvps.occurrence', '=', occurrence)
    .orderBy('rsvps.queued_at')
    .execute();
}

/** Addresses and languages of the people going or wait-listed (for notices; never returned). */
export function listRsvpContacts(db: Db, sessionId: string, occurrence: string) {
  return db
    .selectFrom('rsvps')
    .innerJoin('users', 'users.id', 'rsvps.user_id')
    .select(['users.id', 'users.email', 'users.locale', 'users.time_zone', 'users.display_name'])
    .where('rsvps.session_id', '=', sessionId)
    .where('rsvps.occurrence', '=', occurrence)
    .where('rsvps.status', 'in', ['going', 'waitlisted'])
    .execute();
}

export async function updateRsvpStart(db: Db, sessionId: string, occurrence: string, startsAt: string): Promise<void> {
  await db.updateTable('rsvps').set({ starts_at: startsAt }).where('session_id', '=', sessionId).where('occurrence', '=', occurrence).execute();
}

export function listAttendance(db: Db, sessionId: string, occurrence: string) {
  return db
    .selectFrom('attendance')
    .innerJoin('users', 'users.id', 'attendance.user_id')
    .select(['attendance.user_id', 'users.display_name'])
    .where('attendance.session_id', '=', sessionId)
    .where('attendance.occurrence', '=', occurrence)
    .execute();
}

export async function replaceAttendance(db: Db, sessionId: string, occurrence: string, userIds: string[], recordedBy: string, now: string) {
  await db.deleteFrom('attendance').where('session_id', '=', sessionId).where('occurrence', '=', occurrence).execute();
  if (userIds.length > 0) {
    await db
      .insertInto('attendance')
      .values(userIds.map((user_id) => ({ session_id: sessionId, occurrence, user_id, recorded_by: recordedBy, recorded_at: now })))
      .execute();
  }
}

export function findRecap(db: Db, sessionId: string, occurrence: string) {
  return db.selectFrom('recaps').selectAll().where('session_id', '=', sessionId).where('occurrence', '=', occurrence).executeTakeFirst();
}

export async function upsertRecap(db: Db, row: { session_id: string; occurrence: string; body: string; author_id: string; now: string }) {
  const existing = await findRecap(db, row.session_id, row.occurrence);
  if (existing) {
    await db
      .updateTable('recaps')
      .set({ body: row.body, author_id: row.author_id, updated_at: row.now })
      .where('session_id', '=', row.session_id)
      .where('occurrence', '=', row.occurrence)
      .execute();
  } else {
    await db
      .insertInto('recaps')
      .values({ session_id: row.session_id, occurrence: row.occurrence, body: row.body, author_id: row.author_id, created_at: row.now, updated_at: row.now })
      .execute();
  }
}

/**
 * Tables whose rows belong to one occurrence of a session, by (session_id, occurrence): the
 * answers, attendance, the recap, exceptions, and the thread holding the recap's comments.
 */
const OCCURRENCE_TABLES = ['rsvps', 'attendance', 'recaps', 'session_exceptions', 'threads'] as const;

/**
 * Moves everything tied to occurrences from one session to another (series split), or to
 * new occurrence ids within the same session (the whole series' time changed).
 */
export async function moveOccurrenceData(db: Db, fromSession: string, toSession: string, renames: Map<string, string>): Promise<void> {
  for (const [oldId, newId] of renames) {
    for (const table of OCCURRENCE_TABLES) {
      await db
        .updateTable(table)
        .set({ session_id: toSession, occurrence: newId })
        .where('session_id', '=', fromSession)
        .where('occurrence', '=', oldId)
        .execute();
    }
  }
}

/** "Going" answers for occurrences starting in (from, to]: the reminder sweep's work list. */
export function listGoingStartingBetween(db: Db, from: string, to: string) {
  return db
    .selectFrom('rsvps')
    .select(['session_id', 'occurrence', 'user_id', 'starts_at'])
    .where('status', '=', 'going')
    .where('starts_at', '>', from)
    .where('starts_at', '<=', to)
    .execute();
}

/** One answer with the person's address, language and zone (for their reminder or promotion mail; never returned). */
export function findRsvpWithContact(db: Db, sessionId: string, occurrence: string, userId: string) {
  return db
    .selectFrom('rsvps')
    .innerJoin('users', 'users.id', 'rsvps.user_id')
    .select(['rsvps.status', 'rsvps.starts_at', 'rsvps.updated_at', 'users.email', 'users.locale', 'users.time_zone', 'users.display_name'])
    .where('rsvps.session_id', '=', sessionId)
    .where('rsvps.occurrence', '=', occurrence)
    .where('rsvps.user_id', '=', userId)
    .executeTakeFirst();
}

/** Display names of some users (facilitators), never their addresses. */
export function listDisplayNames(db: Db, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute();
}

export async function listWaitlistedOccurrences(db: Db, sessionId: string): Promise<string[]> {
  const rows = await db.selectFrom('rsvps').select('occurrence').distinct().where('session_id', '=', sessionId).where('status', '=', 'waitlisted').execute();
  return rows.map((r) => r.occurrence);
}

/** Occurrences from `from` on that have answers, attendance, a recap, an exception or a recap thread. */
export async function listOccurrencesWithDataFrom(db: Db, sessionId: string, from: string): Promise<string[]> {
  const ids = new Set<string>();
  for (const table of OCCURRENCE_TABLES) {
    const rows = await db.selectFrom(table).select('occurrence').where('session_id', '=', sessionId).where('occurrence', '>=', from).execute();
    for (const r of rows) if (r.occurrence !== null) ids.add(r.occurrence);
  }
  return [...ids];
}
