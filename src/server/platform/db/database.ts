import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type Migration,
  type MigrationProvider,
  type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
import * as foundation from './migrations/0001-foundation.ts';
import * as sessions from './migrations/0002-sessions.ts';
import * as availability from './migrations/0003-availability.ts';
import * as discussions from './migrations/0004-discussions.ts';
import * as mailDelivery from './migrations/0005-mail-delivery.ts';
import * as directory from './migrations/0006-directory.ts';
import * as meetingGuideImport from './migrations/0007-meeting-guide-import.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  /** The PostgreSQL schema in use, when not the default. */
  pgSchema?: string;
  destroy(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…`, or null for SQLite. */
  url: string | null;
  /** SQLite file; `:memory:` for a throwaway database. */
  sqliteFile?: string;
  /** PostgreSQL schema to work in (tests give each file its own). */
  pgSchema?: string;
}

// Migrations are listed here, in order, so they ship inside the bundle and never depend on
// reading a folder at run time.
const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-sessions': sessions,
  '0003-availability': availability,
  '0004-discussions': discussions,
  '0005-mail-delivery': mailDelivery,
  '0006-directory': directory,
  '0007-meeting-guide-import': meetingGuideImport,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * SQLite transactions that take the write lock when they begin (BEGIN IMMEDIATE). A deferred
 * transaction that reads, then writes while another process writes (`npm run demo` beside a
 * running server, a migration) fails at once with SQLITE_BUSY, whatever busy_timeout says;
 * an immediate one waits for the lock. Within one process Kysely already runs one
 * transaction at a time over its single connection, so nothing is serialised that was not.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new (class extends SqliteDriver {
      override async beginTransaction(connection: DatabaseConnection): Promise<void> {
        await connection.executeQuery(CompiledQuery.raw('begin immediate'));
      }
    })(this.#config);
  }
}

/** Opens SQLite (WAL, synchronous=FULL, foreign keys on) or PostgreSQL. */
export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: 10,
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', ...(options.pgSchema ? { pgSchema: options.pgSchema } : {}), destroy: () => db.destroy() };
  }
  const file = options.sqliteFile ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', destroy: () => db.destroy() };
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<void> {
  // Kysely looks for its bookkeeping tables in every schema; name ours so that databases
  // sharing a PostgreSQL server (tests run one schema per file) never see each other's.
  const migrator = new Migrator({ db: handle.db, provider, ...(handle.pgSchema ? { migrationTableSchema: handle.pgSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** True when the database answers a trivial query. */
export async function isDatabaseReachable(db: Db): Promise<boolean> {
  try {
    await db.selectFrom('users').select('id').limit(1).execute();
    return true;
  } catch {
    return false;
  }
}
