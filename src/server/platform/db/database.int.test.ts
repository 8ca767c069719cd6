import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './database.ts';

describe('SQLite transactions across processes', () => {
  let dir: string;
  let handle: DatabaseHandle;
  afterEach(async () => {
    await handle.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('take the write lock as they begin, so another writer waits instead of failing mid-transaction', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'entraide-db-'));
    const file = path.join(dir, 'lock.sqlite');
    handle = openDatabase({ url: null, sqliteFile: file });
    await migrateToLatest(handle);
    // Another process's connection, which will not wait at all.
    const other = new SQLite(file);
    other.pragma('busy_timeout = 0');
    try {
      await handle.db.transaction().execute(async (trx) => {
        // Before this transaction has written anything, the write lock is already ours.
        expect(() => other.exec('BEGIN IMMEDIATE')).toThrow(/locked|busy/i);
        await trx.selectFrom('users').select('id').execute();
      });
      // Once it has committed, the other writer gets in.
      other.exec('BEGIN IMMEDIATE');
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
  });
});
