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
  await migrateToLatest(handle.db);
  return { ...handle, drop: () => handle.destroy() };
}

/** A fresh, migrated PostgreSQL schema of its own, so test files can run side by side. */
async function freshPostgres(url: string): Promise<TestDatabase> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const handle = openDatabase({ url, pgSchema: schema });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    async drop() {
      await handle.destroy();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
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
