import type { Db } from '../../platform/db/database.ts';
import type { CalendarFeedsTable } from '../../platform/db/tables/calendar.tables.ts';

export type FeedRow = CalendarFeedsTable;

export async function insertFeed(db: Db, row: FeedRow): Promise<void> {
  await db.insertInto('calendar_feeds').values(row).execute();
}

export async function deleteFeedsOfUser(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
}

/** Row lock on the owner (PostgreSQL), so two feeds created at once cannot both survive. */
export async function lockFeedOwner(db: Db, userId: string): Promise<void> {
  await db.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
}

/** Whose feed a token hash opens, with the language their feed is written in. */
export function findFeedOwner(db: Db, id: string) {
  return db
    .selectFrom('calendar_feeds')
    .innerJoin('users', 'users.id', 'calendar_feeds.user_id')
    .select(['users.id as user_id', 'users.locale'])
    .where('calendar_feeds.id', '=', id)
    .executeTakeFirst();
}

/** When the user's current feed was made, if they have one (the secret itself is not kept). */
export function findFeedOfUser(db: Db, userId: string) {
  return db.selectFrom('calendar_feeds').select(['created_at']).where('user_id', '=', userId).orderBy('created_at', 'desc').executeTakeFirst();
}
