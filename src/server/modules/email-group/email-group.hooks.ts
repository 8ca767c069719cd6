/**
 * What other modules ask of the mailing list from inside their own transactions: when a
 * membership ends (left, removed, banned), the person's reply-by-mail addresses for the group
 * stop posting. Given to moderation's `revokeMemberAccess` in app.ts (email-group sits above
 * moderation: it asks moderation who is banned), so moderation does not import it.
 */
import type { Db } from '../../platform/db/database.ts';
import * as repo from './email-group.repository.ts';

/** Revokes the person's live reply tokens for the group, as of `now` (ISO). */
export async function revokeReplyTokens(trx: Db, groupId: string, userId: string, now: string): Promise<void> {
  await repo.revokeReplyTokens(trx, groupId, userId, now);
}
