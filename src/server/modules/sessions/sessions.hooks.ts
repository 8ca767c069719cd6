/**
 * What other modules (and the sessions service) call into sessions from inside their own
 * transactions: giving freed places to a wait-list, and withdrawing a departing member's
 * answers. Each takes the database or the caller's transaction as its first argument, so it
 * joins whatever the caller is doing atomically; telling those promoted is the sessions
 * service's `notifyPromoted`, once the caller has committed.
 */
import type { Db, Dialect } from '../../platform/db/database.ts';
import { lockForUpdate } from '../../platform/db/locks.ts';
import * as repo from './sessions.repository.ts';

/** Places given from an occurrence's wait-list: who got one. */
export interface Promotion {
  sessionId: string;
  occurrence: string;
  userIds: string[];
}

/**
 * Gives an occurrence's free places to its wait-list, first come first served (everyone
 * waiting when the session has no capacity); returns who was promoted. Run it with the
 * session locked, in the transaction that freed the places.
 */
export async function promoteWaitlist(trx: Db, session: { id: string; capacity: number | null }, occurrence: string, now: string): Promise<string[]> {
  const free = session.capacity == null ? Infinity : session.capacity - (await repo.countGoing(trx, session.id, occurrence));
  if (free <= 0) return [];
  const promoted = (await repo.listWaitlist(trx, session.id, occurrence)).slice(0, free).map((r) => r.user_id);
  await repo.updateRsvpsToGoing(trx, session.id, occurrence, promoted, now);
  return promoted;
}

/**
 * Withdraws a member's answers to the group's occurrences that have not started yet (they
 * left, were removed or were banned); each freed "going" place goes to the wait-list.
 * Returns who was promoted, for the caller to tell once committed.
 */
export async function withdrawUpcomingAnswers(
  trx: Db,
  groupId: string,
  userId: string,
  options: { dialect?: Dialect | undefined; now: string },
): Promise<Promotion[]> {
  const promotions: Promotion[] = [];
  for (const rsvp of await repo.listUpcomingRsvpsInGroup(trx, groupId, userId, options.now)) {
    // The same lock an answer takes, so a place is never given twice.
    if (options.dialect) await lockForUpdate(trx, options.dialect, 'group_sessions', rsvp.session_id);
    await repo.deleteRsvp(trx, rsvp.session_id, rsvp.occurrence, userId);
    if (rsvp.status !== 'going') continue;
    const userIds = await promoteWaitlist(trx, { id: rsvp.session_id, capacity: rsvp.capacity }, rsvp.occurrence, options.now);
    if (userIds.length > 0) promotions.push({ sessionId: rsvp.session_id, occurrence: rsvp.occurrence, userIds });
  }
  return promotions;
}
