import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle, type Dialect } from '../../src/server/platform/db/database.ts';
import { announceSkip, postgresUrl } from './environment.ts';

export interface TestDatabase extends DatabaseHandle {
  /** Closes the connection and throws the data away. */
  drop(): Promise<void>;
}

/** A fresh, migrated SQLite database in memory. */
async function freshSqlite(): Promise<TestDatabase> {
  const handle = openDatabase({ url: null, sqliteFile: ':memory:' });
  await migrateToLatest(handle);
  return { ...handle, drop: () => handle.destroy() };
}

// Kysely's migrator reads the whole catalogue (every schema); a schema dropped by another
// test file at that moment makes it fail. Creating, migrating and dropping test schemas
// under one advisory lock keeps them from overlapping.
const SCHEMA_LOCK = 724_242;

export async function underSchemaLock<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
    return await work(client);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]).catch(() => undefined);
    await client.end();
  }
}

/** A fresh, migrated PostgreSQL schema of its own, so test files can run side by side. */
async function freshPostgres(url: string): Promise<TestDatabase> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const handle = openDatabase({ url, pgSchema: schema });
  await underSchemaLock(url, async (client) => {
    await client.query(`CREATE SCHEMA ${schema}`);
    await migrateToLatest(handle);
  });
  return {
    ...handle,
    async drop() {
      await handle.destroy();
      await underSchemaLock(url, (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
    },
  };
}

/**
 * The engines integration tests run on: SQLite always, PostgreSQL when TEST_DATABASE_URL is
 * set. Use with `describe.each(testDialects())`.
 */
export function testDialects(): { dialect: Dialect; open: () => Promise<TestDatabase> }[] {
  const list: { dialect: Dialect; open: () => Promise<TestDatabase> }[] = [{ dialect: 'sqlite', open: freshSqlite }];
  const url = postgresUrl;
  if (url) list.push({ dialect: 'postgres', open: () => freshPostgres(url) });
  else announceSkip('PostgreSQL integration tests (set TEST_DATABASE_URL)');
  return list;
}
