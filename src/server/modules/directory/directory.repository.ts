import type { Db } from '../../platform/db/database.ts';

export interface DirectoryEntry {
  group_id: string;
  name: string;
  purpose: string;
  topics: string;
  latitude: number | null;
  longitude: number | null;
  published_at: string;
  expanded_at: string;
}

export interface DirectoryTag {
  kind: 'language' | 'mode' | 'leader' | 'topic';
  value: string;
}

/**
 * Whether the group may be listed, read inside the writing transaction: a refresh that
 * read an older state cannot put back a group that has just become private (the directory
 * is the one reader of `groups` outside its module, for this re-check only).
 */
export async function isListable(db: Db, groupId: string): Promise<boolean> {
  const row = await db
    .selectFrom('groups')
    .select('id')
    .where('id', '=', groupId)
    .where('status', '=', 'active')
    .where('visibility', '=', 'public')
    .executeTakeFirst();
  return Boolean(row);
}

/**
 * Writes a group's row, tags and starts. The row is upserted first: on PostgreSQL that takes
 * its lock, so two refreshes of one group run one after the other and the later one's side
 * tables win whole.
 */
export async function upsertEntry(db: Db, entry: DirectoryEntry, tags: DirectoryTag[], starts: string[]): Promise<void> {
  await db
    .insertInto('group_directory')
    .values(entry)
    .onConflict((oc) =>
      oc.column('group_id').doUpdateSet({
        name: entry.name,
        purpose: entry.purpose,
        topics: entry.topics,
        latitude: entry.latitude,
        longitude: entry.longitude,
        published_at: entry.published_at,
        expanded_at: entry.expanded_at,
      }),
    )
    .execute();
  await db.deleteFrom('group_directory_tags').where('group_id', '=', entry.group_id).execute();
  await db.deleteFrom('group_directory_starts').where('group_id', '=', entry.group_id).execute();
  if (tags.length > 0) {
    await db
      .insertInto('group_directory_tags')
      .values(tags.map((t) => ({ group_id: entry.group_id, ...t })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  // In chunks: a daily session over the horizon is a few hundred rows, under any engine's
  // limit on bound parameters per statement.
  for (let i = 0; i < starts.length; i += 200) {
    await db
      .insertInto('group_directory_starts')
      .values(starts.slice(i, i + 200).map((s) => ({ group_id: entry.group_id, starts_at: s })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Removes a group from the directory (its tags and starts cascade). */
export async function deleteEntry(db: Db, groupId: string): Promise<void> {
  await db.deleteFrom('group_directory').where('group_id', '=', groupId).execute();
}

/**
 * Public, published groups without a row: a refresh that failed, or rows written straight
 * into the tables (imports, demo data) rather than through the services' events.
 */
export async function listMissingEntries(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('groups')
    .select('id')
    .where('status', '=', 'active')
    .where('visibility', '=', 'public')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('group_directory').select('group_id').whereRef('group_directory.group_id', '=', 'groups.id'))),
    )
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Rows whose starts were never computed, then the stalest, up to `limit`. */
export async function listStaleEntries(db: Db, before: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('group_directory')
    .select('group_id')
    .where((eb) => eb.or([eb('expanded_at', 'is', null), eb('expanded_at', '<', before)]))
    .orderBy((eb) => eb.case().when('expanded_at', 'is', null).then(0).else(1).end())
    .orderBy('expanded_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.group_id);
}

/** Each group's first start from `from` on. */
export async function listNextStarts(db: Db, groupIds: string[], from: string): Promise<Map<string, string>> {
  if (groupIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('group_directory_starts')
    .select(['group_id', (eb) => eb.fn.min('starts_at').as('next')])
    .where('group_id', 'in', groupIds)
    .where('starts_at', '>=', from)
    .groupBy('group_id')
    .execute();
  return new Map(rows.map((r) => [r.group_id, String(r.next)]));
}

/** The starts of some groups in [from, to), in order. */
export function listStartsBetween(db: Db, groupIds: string[], from: string, to: string) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('group_directory_starts')
    .select(['group_id', 'starts_at'])
    .where('group_id', 'in', groupIds)
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .orderBy('group_id')
    .orderBy('starts_at')
    .execute();
}
