import type { Kysely } from 'kysely';

/**
 * Where an imported group came from: a Meeting Guide feed (its URL, or the name an admin gave
 * an uploaded file) and the meeting's slug in it. Re-importing the same feed finds the group
 * again by (source, slug) and updates it instead of making a copy. A table of its own rather
 * than columns on `groups`: most groups are not imported, and the group row stays as it is.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('group_imports')
    .addColumn('group_id', 'text', (c) => c.primaryKey().references('groups.id').onDelete('cascade'))
    .addColumn('source_url', 'text', (c) => c.notNull())
    .addColumn('source_slug', 'text', (c) => c.notNull())
    // The imported session, updated (not duplicated) by the next import.
    .addColumn('session_id', 'text', (c) => c.references('group_sessions.id').onDelete('set null'))
    // A digest of what the feed said last time: an unchanged entry is left alone.
    .addColumn('entry_hash', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('group_imports_source').on('group_imports').columns(['source_url', 'source_slug']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('group_imports').execute();
}
