import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Finding a group: a place for groups that meet in person, and the directory's search table.
 *
 * `group_directory` is a read model kept by the directory module: one row per *public and
 * published* group (never any other), with the words people search (name, purpose, topics),
 * its position, and side tables for the filters (`group_directory_tags`: languages, modes,
 * leader types, topics; `group_directory_starts`: upcoming occurrence instants). The row
 * cascades from `groups` and the side tables from the row: removing a group's row removes
 * everything the directory knew of it, and a deleted group leaves the directory with it.
 *
 * Full text is the one dialect-specific part. SQLite: an FTS5 table over the row (external
 * content, kept in step by triggers) with diacritics removed and Porter stemming (English).
 * PostgreSQL: a generated tsvector of the unaccented text under the simple, English and French
 * configurations, indexed with GIN.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was, untyped
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema.alterTable('groups').addColumn('place_name', 'text').execute();
  await db.schema.alterTable('groups').addColumn('place_country_code', 'text').execute();
  await db.schema.alterTable('groups').addColumn('place_admin1', 'text').execute();
  await db.schema.alterTable('groups').addColumn('place_latitude', 'double precision').execute();
  await db.schema.alterTable('groups').addColumn('place_longitude', 'double precision').execute();

  await db.schema
    .createTable('group_directory')
    // SQLite: INTEGER PRIMARY KEY is the rowid itself, which FTS5 needs to be stable.
    .addColumn('doc_id', postgres ? 'serial' : 'integer', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().unique().references('groups.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('topics', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('published_at', 'text', (c) => c.notNull())
    // When the occurrence starts were last computed; null: never (the refresh job does them).
    .addColumn('expanded_at', 'text')
    .execute();
  await db.schema.createIndex('group_directory_published').on('group_directory').column('published_at').execute();
  await db.schema.createIndex('group_directory_position').on('group_directory').columns(['latitude', 'longitude']).execute();
  await db.schema.createIndex('group_directory_expanded').on('group_directory').column('expanded_at').execute();

  await db.schema
    .createTable('group_directory_tags')
    .addColumn('group_id', 'text', (c) => c.notNull().references('group_directory.group_id').onDelete('cascade'))
    // language | mode | leader | topic
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_directory_tags_pk', ['kind', 'value', 'group_id'])
    .execute();
  await db.schema.createIndex('group_directory_tags_group').on('group_directory_tags').column('group_id').execute();

  await db.schema
    .createTable('group_directory_starts')
    .addColumn('group_id', 'text', (c) => c.notNull().references('group_directory.group_id').onDelete('cascade'))
    // ISO 8601 UTC, as every instant in this database: compares correctly as text.
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_directory_starts_pk', ['group_id', 'starts_at'])
    .execute();

  if (postgres) await createPostgresSearch(db);
  else await createSqliteSearch(db);

  await rebuild(db);
}

async function createSqliteSearch(db: Kysely<unknown>): Promise<void> {
  // Porter over everything: French words are stemmed with English rules too, but the same way
  // on both sides of a match, so it only ever widens it a little.
  await sql`CREATE VIRTUAL TABLE group_directory_fts USING fts5(
    name, purpose, topics,
    content = 'group_directory', content_rowid = 'doc_id',
    tokenize = 'porter unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`CREATE TRIGGER group_directory_ai AFTER INSERT ON group_directory BEGIN
    INSERT INTO group_directory_fts (rowid, name, purpose, topics) VALUES (new.doc_id, new.name, new.purpose, new.topics);
  END`.execute(db);
  await sql`CREATE TRIGGER group_directory_ad AFTER DELETE ON group_directory BEGIN
    INSERT INTO group_directory_fts (group_directory_fts, rowid, name, purpose, topics) VALUES ('delete', old.doc_id, old.name, old.purpose, old.topics);
  END`.execute(db);
  // Only when the words change: the refresh job touches expanded_at far more often.
  await sql`CREATE TRIGGER group_directory_au AFTER UPDATE OF name, purpose, topics ON group_directory BEGIN
    INSERT INTO group_directory_fts (group_directory_fts, rowid, name, purpose, topics) VALUES ('delete', old.doc_id, old.name, old.purpose, old.topics);
    INSERT INTO group_directory_fts (rowid, name, purpose, topics) VALUES (new.doc_id, new.name, new.purpose, new.topics);
  END`.execute(db);
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function createPostgresSearch(db: Kysely<unknown>): Promise<void> {
  // The extension is database-wide and lives in one schema. Tests (and some deployments)
  // work in a schema of their own that may later be dropped with CASCADE, which would take
  // the extension away from everyone: put it in `public` when that exists.
  const where = async () =>
    (
      await sql<{ nspname: string }>`SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'`.execute(
        db,
      )
    ).rows[0]?.nspname;
  if (!(await where())) {
    const hasPublic = (await sql`SELECT 1 FROM pg_namespace WHERE nspname = 'public'`.execute(db)).rows.length > 0;
    await sql.raw(`CREATE EXTENSION IF NOT EXISTS unaccent${hasPublic ? ' WITH SCHEMA public' : ''}`).execute(db);
  }
  const schema = quoteIdent((await where())!);
  // unaccent() is only STABLE (it finds its dictionary through search_path); naming both the
  // function and the dictionary by schema makes the result fixed, so the wrapper may be
  // IMMUTABLE and used in a generated column, whatever the caller's search_path.
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION directory_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
       AS $$ SELECT ${schema}.unaccent('${schema.replace(/'/g, "''")}.unaccent'::regdictionary, $1) $$`,
    )
    .execute(db);
  const vector = (column: string, weight: string) =>
    ['simple', 'english', 'french'].map((config) => `setweight(to_tsvector('${config}'::regconfig, directory_unaccent(${column})), '${weight}')`).join(' || ');
  await sql
    .raw(
      `ALTER TABLE group_directory ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
         ${vector('name', 'A')} || ${vector('topics', 'B')} || ${vector('purpose', 'C')}
       ) STORED`,
    )
    .execute(db);
  await sql`CREATE INDEX group_directory_search ON group_directory USING gin (search_vector)`.execute(db);
}

/** Accents and case folded, as the directory compares topics. */
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim().replace(/\s+/g, ' ');

function parseList(json: string | null): string[] {
  try {
    const value: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

interface LegacyGroup {
  id: string;
  name: string;
  purpose: string | null;
  topics: string;
  languages: string;
  modes: string;
  leadership: string | null;
  published_at: string | null;
  created_at: string;
}

/**
 * Existing public, published groups enter the directory with their words and filters; their
 * occurrence starts are left to the directory's refresh job (expanded_at stays null), which
 * recomputes each row in full with the module's own code on its first run.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
async function rebuild(db: Kysely<any>): Promise<void> {
  const groups: LegacyGroup[] = await db
    .selectFrom('groups')
    .select(['id', 'name', 'purpose', 'topics', 'languages', 'modes', 'leadership', 'published_at', 'created_at'])
    .where('status', '=', 'active')
    .where('visibility', '=', 'public')
    .execute();
  for (const g of groups) {
    const topics = parseList(g.topics);
    await db
      .insertInto('group_directory')
      .values({
        group_id: g.id,
        name: g.name.normalize('NFKC'),
        purpose: (g.purpose ?? '').normalize('NFKC'),
        topics: topics.join(' ; ').normalize('NFKC'),
        published_at: g.published_at ?? g.created_at,
      })
      .execute();
    const leaders: { leader_type: string | null }[] = await db
      .selectFrom('memberships')
      .select('leader_type')
      .where('group_id', '=', g.id)
      .where('role', '=', 'leader')
      .where('status', '=', 'active')
      .execute();
    const tags = new Set<string>();
    for (const l of parseList(g.languages)) tags.add(`language\u0000${l.split('-')[0]!.toLowerCase()}`);
    for (const m of parseList(g.modes)) tags.add(`mode\u0000${m}`);
    for (const t of topics) tags.add(`topic\u0000${fold(t)}`);
    for (const l of leaders) tags.add(`leader\u0000${l.leader_type ?? g.leadership ?? 'peer'}`);
    const rows = [...tags].map((t) => {
      const [kind, value] = t.split('\u0000') as [string, string];
      return { group_id: g.id, kind, value };
    });
    if (rows.length > 0) await db.insertInto('group_directory_tags').values(rows).execute();
  }
}
