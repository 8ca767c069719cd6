/**
 * What other modules call into memberships from inside their own transactions: ending
 * someone's membership (moderation's ban does it beside writing the ban), who leads a group
 * (moderation tells them of reports), and the mailing list's reads and writes of a member's
 * delivery (who gets mail, how far their digest went, unsubscribing). Takes the caller's
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

/** The group's active leaders' ids. */
export function listActiveLeaderIds(db: Db, groupId: string): Promise<string[]> {
  return repo.listActiveLeaderIds(db, groupId);
}

/** A member who receives the group's mail, with what their mail needs (never shown to others). */
export interface MailMember {
  user_id: string;
  email: string;
  display_name: string;
  locale: string;
  time_zone: string;
  /** users.is_admin / users.is_moderator: what the discussions' access check needs of the poster. */
  is_admin: number;
  is_moderator: number;
}

/** Active members following the group post by post by e-mail, but the author, by user id. */
export function listEachPostRecipients(db: Db, groupId: string, authorId: string | null): Promise<MailMember[]> {
  let query = repo.mailMembers(db, groupId).where('memberships.delivery', '=', 'email-each');
  if (authorId) query = query.where('memberships.user_id', '!=', authorId);
  return query.orderBy('users.id').execute();
}

/** An active member of the group with this address (compared as given, lower-cased). */
export function findMailMemberByEmail(db: Db, groupId: string, email: string): Promise<MailMember | undefined> {
  return repo.mailMembers(db, groupId).where('users.email', '=', email.toLowerCase()).executeTakeFirst();
}

/** The person as an active member of the group, with what mail to them needs. */
export function findMailMember(db: Db, groupId: string, userId: string): Promise<MailMember | undefined> {
  return repo.mailMembers(db, groupId).where('memberships.user_id', '=', userId).executeTakeFirst();
}

export interface DigestMember extends MailMember {
  group_id: string;
  digested_until: string | null;
  joined_at: string | null;
}

/** Every active membership on the daily digest of a published group, across groups. */
export function listDigestMembers(db: Db): Promise<DigestMember[]> {
  return repo.listDigestMembers(db);
}

/** Records how far the member's digest of the group has gone. */
export async function setDigestedUntil(db: Db, groupId: string, userId: string, until: string): Promise<void> {
  await repo.updateMembership(db, groupId, userId, { digested_until: until });
}

/** Sets how an active member gets the group's posts; returns 1 when changed, 0 when not a member. */
export function setDelivery(db: Db, groupId: string, userId: string, delivery: string): Promise<number> {
  return repo.setActiveDelivery(db, groupId, userId, delivery);
}
