import type { Db } from '../../platform/db/database.ts';
import type { ProgrammesTable } from '../../platform/db/tables/sessions.tables.ts';

export type ProgrammeRow = ProgrammesTable;

export async function insertProgramme(db: Db, row: ProgrammeRow): Promise<void> {
  await db.insertInto('programmes').values(row).execute();
}

export async function updateProgramme(db: Db, id: string, changes: Partial<ProgrammeRow>): Promise<void> {
  await db.updateTable('programmes').set(changes).where('id', '=', id).execute();
}

export async function deleteProgramme(db: Db, id: string): Promise<void> {
  await db.deleteFrom('programmes').where('id', '=', id).execute();
}

export function findProgramme(db: Db, id: string) {
  return db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listProgrammesOfGroup(db: Db, groupId: string) {
  return db.selectFrom('programmes').selectAll().where('group_id', '=', groupId).orderBy('created_at').execute();
}
