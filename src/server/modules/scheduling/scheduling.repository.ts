import type { Db } from '../../platform/db/database.ts';
import type { AvailabilityTable, SlotPollsTable, SlotPollVotesTable } from '../../platform/db/tables/scheduling.tables.ts';

export type AvailabilityRow = AvailabilityTable;
export type PollRow = SlotPollsTable;
export type VoteRow = SlotPollVotesTable;

export function findAvailability(db: Db, userId: string) {
  return db.selectFrom('availability').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** One statement on both engines (ON CONFLICT), so two saves at once cannot collide. */
export async function upsertAvailability(db: Db, row: AvailabilityRow): Promise<void> {
  await db
    .insertInto('availability')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('user_id')
        .doUpdateSet({ time_zone: row.time_zone, windows: row.windows, languages: row.languages, modes: row.modes, updated_at: row.updated_at }),
    )
    .execute();
}

export async function deleteAvailability(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('availability').where('user_id', '=', userId).execute();
}

/**
 * The group's active members with their display names and, when they stated it, their
 * availability. Never their addresses.
 */
export function listMembersWithAvailability(db: Db, groupId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .leftJoin('availability', 'availability.user_id', 'memberships.user_id')
    .select(['users.id as user_id', 'users.display_name', 'availability.time_zone', 'availability.windows', 'availability.languages', 'availability.modes'])
    .where('memberships.group_id', '=', groupId)
    .where('memberships.status', '=', 'active')
    .orderBy('memberships.joined_at')
    .orderBy('users.id')
    .execute();
}

export async function insertPoll(db: Db, row: PollRow): Promise<void> {
  await db.insertInto('slot_polls').values(row).execute();
}

export function findPoll(db: Db, id: string) {
  return db.selectFrom('slot_polls').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listPollsOfGroup(db: Db, groupId: string) {
  return db.selectFrom('slot_polls').selectAll().where('group_id', '=', groupId).orderBy('created_at', 'desc').orderBy('id').execute();
}

export async function updatePoll(db: Db, id: string, changes: Partial<Omit<PollRow, 'id'>>): Promise<void> {
  await db.updateTable('slot_polls').set(changes).where('id', '=', id).execute();
}

export async function deletePoll(db: Db, id: string): Promise<void> {
  await db.deleteFrom('slot_polls').where('id', '=', id).execute();
}

export async function upsertVote(db: Db, row: VoteRow): Promise<void> {
  await db
    .insertInto('slot_poll_votes')
    .values(row)
    .onConflict((oc) => oc.columns(['poll_id', 'user_id']).doUpdateSet({ answers: row.answers, updated_at: row.updated_at }))
    .execute();
}

/** Votes of current members with their display names, for the polls given (a member who left no longer counts). */
export function listVotes(db: Db, pollIds: string[]) {
  if (pollIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('slot_poll_votes')
    .innerJoin('users', 'users.id', 'slot_poll_votes.user_id')
    .innerJoin('slot_polls', 'slot_polls.id', 'slot_poll_votes.poll_id')
    .innerJoin('memberships', (join) =>
      join.onRef('memberships.group_id', '=', 'slot_polls.group_id').onRef('memberships.user_id', '=', 'slot_poll_votes.user_id'),
    )
    .where('memberships.status', '=', 'active')
    .select(['slot_poll_votes.poll_id', 'slot_poll_votes.user_id', 'slot_poll_votes.answers', 'slot_poll_votes.updated_at', 'users.display_name'])
    .where('slot_poll_votes.poll_id', 'in', pollIds)
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute();
}

export function listDisplayNames(db: Db, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute();
}
