/**
 * Migration 0006 on a database that already has groups: the public, published ones enter
 * the directory at once (words and filters); the refresh job then completes their rows.
 */
import { randomBytes } from 'node:crypto';
import { Migrator, type Migration } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { underSchemaLock } from '../../../../tests/support/databases.ts';
import { postgresUrl } from '../../../../tests/support/environment.ts';
import { startTestApp, type TestClient } from '../../../../tests/support/http.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../platform/db/database.ts';
import * as foundation from '../../platform/db/migrations/0001-foundation.ts';
import * as sessions from '../../platform/db/migrations/0002-sessions.ts';
import * as availability from '../../platform/db/migrations/0003-availability.ts';
import * as discussions from '../../platform/db/migrations/0004-discussions.ts';
import * as mailDelivery from '../../platform/db/migrations/0005-mail-delivery.ts';

const before: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-sessions': sessions,
  '0003-availability': availability,
  '0004-discussions': discussions,
  '0005-mail-delivery': mailDelivery,
};

interface Engine {
  dialect: string;
  /** A database migrated up to 0005, seeded by `seed`, then migrated to the latest. */
  open(seed: (handle: DatabaseHandle) => Promise<void>): Promise<DatabaseHandle & { drop(): Promise<void> }>;
}

const engines: Engine[] = [
  {
    dialect: 'sqlite',
    async open(seed) {
      const handle = openDatabase({ url: null, sqliteFile: ':memory:' });
      await new Migrator({ db: handle.db, provider: { getMigrations: async () => before } }).migrateToLatest();
      await seed(handle);
      await migrateToLatest(handle);
      return { ...handle, drop: () => handle.destroy() };
    },
  },
];
if (postgresUrl) {
  const url = postgresUrl;
  engines.push({
    dialect: 'postgres',
    async open(seed) {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const handle = openDatabase({ url, pgSchema: schema });
      await underSchemaLock(url, async (client) => {
        await client.query(`CREATE SCHEMA ${schema}`);
        const error = (await new Migrator({ db: handle.db, provider: { getMigrations: async () => before }, migrationTableSchema: schema }).migrateToLatest())
          .error;
        if (error) throw error;
        await seed(handle);
        await migrateToLatest(handle);
      });
      return {
        ...handle,
        async drop() {
          await handle.destroy();
          await underSchemaLock(url, (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
        },
      };
    },
  });
}

const NOW = '2026-01-10T10:00:00.000Z';

async function seed(handle: DatabaseHandle): Promise<void> {
  const db = handle.db;
  await db
    .insertInto('users')
    .values({
      id: 'u1',
      email: 'founder@example.org',
      password_hash: 'x',
      display_name: 'Founder',
      time_zone: 'Europe/Paris',
      locale: 'fr',
      is_admin: 0,
      created_at: NOW,
      updated_at: NOW,
    })
    .execute();
  const base = {
    founder_id: 'u1',
    purpose: 'Parents endeuillés.',
    reasons: 'r',
    charter: 'c',
    charter_version: 1,
    leadership: 'guest',
    membership_policy: 'open',
    format: 'drop-in',
    max_members: null,
    rhythm: null,
    modes: '["online","post"]',
    languages: '["en-GB","fr"]',
    time_zone: 'Europe/Paris',
    topics: '["Deuil  Périnatal"]',
    created_at: NOW,
    updated_at: NOW,
    published_at: NOW,
  };
  for (const [id, visibility, status] of [
    ['g-public', 'public', 'active'],
    ['g-private', 'private', 'active'],
    ['g-unlisted', 'unlisted', 'active'],
    ['g-draft', 'public', 'draft'],
  ] as const) {
    await db
      .insertInto('groups')
      .values({ ...base, id, slug: id, name: `Thérapie ${visibility} ${status}`, visibility, status })
      .execute();
    await db
      .insertInto('memberships')
      .values({
        group_id: id,
        user_id: 'u1',
        role: 'leader',
        status: 'active',
        leader_type: null,
        profession: null,
        charter_version: 1,
        charter_accepted_at: NOW,
        created_at: NOW,
        joined_at: NOW,
      })
      .execute();
  }
}

describe.each(engines)('migration 0006 on $dialect', ({ open }) => {
  let t: TestClient | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it('puts existing public, published groups (and no others) in the directory, with their filters', async () => {
    const handle = await open(seed);
    t = await startTestApp(handle);
    const db = handle.db;
    expect(await db.selectFrom('group_directory').select(['group_id', 'expanded_at']).execute()).toEqual([{ group_id: 'g-public', expanded_at: null }]);
    const tags = await db
      .selectFrom('group_directory_tags')
      .select(['kind', 'value'])
      .where('group_id', '=', 'g-public')
      .orderBy('kind')
      .orderBy('value')
      .execute();
    expect(tags).toEqual([
      { kind: 'language', value: 'en' },
      { kind: 'language', value: 'fr' },
      { kind: 'leader', value: 'guest' },
      { kind: 'mode', value: 'online' },
      { kind: 'mode', value: 'post' },
      { kind: 'topic', value: 'deuil perinatal' },
    ]);

    const res = await t.call('GET', '/api/v1/search/groups?q=therapie&language=en&leaderType=guest&topic=deuil%20perinatal');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().groups.map((g: { slug: string }) => g.slug)).toEqual(['g-public']);

    // The refresh job completes the rows the migration left for it.
    await t.jobs.runDue(new Date(NOW));
    expect((await db.selectFrom('group_directory').select('expanded_at').execute()).map((r) => r.expanded_at)).toEqual([NOW]);
  });
});
