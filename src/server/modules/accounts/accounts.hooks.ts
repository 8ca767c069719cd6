/**
 * What other modules ask accounts about a person who is not the one asking (moderation: may
 * this person be banned by this moderator?).
 */
import type { Db } from '../../platform/db/database.ts';
import * as repo from './accounts.repository.ts';

/** Whether the person exists and moderates the whole platform (users.is_admin or users.is_moderator). */
export async function platformRoleOf(db: Db, userId: string): Promise<{ isPlatformModerator: boolean } | null> {
  const row = await repo.findUserById(db, userId);
  return row ? { isPlatformModerator: row.is_admin === 1 || row.is_moderator === 1 } : null;
}
