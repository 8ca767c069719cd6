import type { Db, Dialect } from './database.ts';

/**
 * Takes the row lock that serialises changes to one group or session (places left, last
 * leader) until the transaction ends. PostgreSQL needs `SELECT … FOR UPDATE`; SQLite already
 * runs one write transaction at a time, and does not know the syntax.
 */
export async function lockForUpdate(trx: Db, dialect: Dialect, table: 'groups' | 'group_sessions', id: string): Promise<void> {
  if (dialect !== 'postgres') return;
  await trx.selectFrom(table).select('id').where('id', '=', id).forUpdate().execute();
}
