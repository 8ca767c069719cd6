/**
 * What other modules write to notifications from inside their own transactions: moderation
 * tells a group's leaders about a report, and deletes a departing member's notifications of
 * the group. Each takes the caller's transaction first, so it commits or rolls back with it.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import * as repo from './notifications.repository.ts';

/** A new report, for each of these leaders; names neither the reporter nor the content. */
export async function notifyLeadersOfReport(
  trx: Db,
  report: { groupId: string; threadId: string; commentId: string | null; leaderIds: string[]; now: string },
): Promise<void> {
  await repo.insertNotifications(
    trx,
    report.leaderIds.map((leaderId) => ({
      id: randomUUID(),
      user_id: leaderId,
      group_id: report.groupId,
      kind: 'report.created',
      thread_id: report.threadId,
      comment_id: report.commentId,
      // The reporter stays out of notifications: the queue names them to moderators.
      actor_id: null,
      created_at: report.now,
      read_at: null,
    })),
  );
}

/** A departing member's notifications of the group: they point at posts they may no longer read. */
export async function deleteNotificationsOfMember(trx: Db, groupId: string, userId: string): Promise<void> {
  await repo.deleteNotificationsOfMember(trx, groupId, userId);
}
