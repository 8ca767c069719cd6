/**
 * What other modules call into memberships from inside their own transactions: ending
 * someone's membership (moderation's ban does it beside writing the ban). Takes the caller's
 * transaction as its first argument, so it joins whatever the caller is doing atomically.
 *
 * Groups sits below the modules that react to memberships (moderation, sessions): it names
 * none of them. What they do when a membership starts or ends is given to the memberships
 * service as `MembershipParticipants` when the app is built (moderation.hooks.ts builds it).
 */
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import * as policy from './groups.policy.ts';
import * as groupsRepo from './groups.repository.ts';
import * as repo from './memberships.repository.ts';

/** What the memberships service asks of the modules above groups. */
export interface MembershipParticipants {
  /** Whether the person is banned from the group (joining and invitations are then refused). */
  isBannedFrom(db: Db, groupId: string, userId: string): Promise<boolean>;
  /** Writes the audit entry of a leader removing a member, in the removing transaction. */
  recordRemoval(trx: Db, entry: { groupId: string; actorId: string; targetUserId: string }): Promise<void>;
  /**
   * Takes away, in the ending transaction, what a membership gave; returns what to do once
   * that transaction has committed (telling those a freed place went to).
   */
  revokeAccess(trx: Db, groupId: string, userId: string): Promise<() => Promise<void>>;
}

/**
 * Ends a person's membership (or request) of a group, never the last leader's (LAST_LEADER),
 * and takes away at once the access it gave (`revokeAccess`, in the same transaction). Run
 * it with the group locked. Returns the membership that ended (none when there was none,
 * and then nothing is revoked) and what `revokeAccess` returned.
 */
export async function endMembership<R>(
  trx: Db,
  groupId: string,
  userId: string,
  revokeAccess: (trx: Db) => Promise<R>,
): Promise<{ membership: groupsRepo.MembershipRow | undefined; revoked: R | null }> {
  const membership = await groupsRepo.findMembership(trx, groupId, userId);
  if (!membership) return { membership, revoked: null };
  if (policy.isLeader(membership) && (await repo.countActiveLeaders(trx, groupId)) <= 1) throw new AppError('LAST_LEADER');
  await repo.deleteMembership(trx, groupId, userId);
  return { membership, revoked: await revokeAccess(trx) };
}

/** Whether the person is an active member of the group now (the mail guard asks at send time). */
export async function isActiveMemberOf(db: Db, groupId: string, userId: string): Promise<boolean> {
  return (await repo.listActiveMemberIdsAmong(db, groupId, [userId])).includes(userId);
}
