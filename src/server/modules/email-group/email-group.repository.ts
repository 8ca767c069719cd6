import { randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';

export function findReplyToken(db: Db, id: string) {
  return db.selectFrom('reply_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Each member's live reply token for the group, creating the missing ones in one batch.
 * Ids are 10 random bytes in hex (20 lower-case characters): `reply+<id>.<20 hex>` is 47
 * octets, under the 64 of an address's local part, and survives relays that lower-case it.
 */
export async function replyTokensFor(db: Db, groupId: string, userIds: string[], now: string): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (let i = 0; i < userIds.length; i += 500) {
    const chunk = userIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('reply_tokens')
      .select(['id', 'user_id'])
      .where('group_id', '=', groupId)
      .where('user_id', 'in', chunk)
      .where('revoked_at', 'is', null)
      .execute();
    for (const r of rows) if (!tokens.has(r.user_id)) tokens.set(r.user_id, r.id);
    const missing = chunk
      .filter((u) => !tokens.has(u))
      .map((user_id) => ({ id: randomBytes(10).toString('hex'), user_id, group_id: groupId, created_at: now, revoked_at: null }));
    if (missing.length > 0) {
      await db.insertInto('reply_tokens').values(missing).execute();
      for (const m of missing) tokens.set(m.user_id, m.id);
    }
  }
  return tokens;
}

export async function revokeReplyTokens(db: Db, groupId: string, userId: string, now: string): Promise<void> {
  await db
    .updateTable('reply_tokens')
    .set({ revoked_at: now })
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
