import type { Db } from '../../platform/db/database.ts';
import type { GroupImportsTable } from '../../platform/db/tables/directory.tables.ts';

export type ImportRow = GroupImportsTable;

/**
 * Published public groups with what the feed shows of them, in slug order. The feed is a
 * list like any other: it shows exactly the groups a stranger may open (the service checks
 * each row against the group policy again).
 */
export function listFeedGroups(db: Db) {
  return db
    .selectFrom('groups')
    .select(['id', 'slug', 'name', 'purpose', 'membership_policy', 'languages', 'topics', 'updated_at', 'status', 'visibility', 'place_name'])
    .where('status', '=', 'active')
    .where('visibility', '=', 'public')
    .orderBy('slug')
    .execute();
}

export function findImport(db: Db, sourceUrl: string, sourceSlug: string) {
  return db.selectFrom('group_imports').selectAll().where('source_url', '=', sourceUrl).where('source_slug', '=', sourceSlug).executeTakeFirst();
}

export async function insertImport(db: Db, row: ImportRow): Promise<void> {
  await db.insertInto('group_imports').values(row).execute();
}

export async function updateImport(db: Db, groupId: string, changes: Partial<Omit<ImportRow, 'group_id'>>): Promise<void> {
  await db.updateTable('group_imports').set(changes).where('group_id', '=', groupId).execute();
}
