/**
 * What other modules call into memberships from inside their own transactions: ending
 * someone's membership (moderation's ban does it beside writing the ban). Takes the caller's
 * transaction as its first argument, so it joins whatever the caller is doing atomically.
 */
import type { Db, Dialect } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { revokeMemberAccess } from '../moderation/moderation.hooks.ts';
import type { Promotion } from '../sessions/sessions.hooks.ts';
import * as policy from './groups.policy.ts';
import * as groupsRepo from './groups.repository.ts';
import * as repo from './memberships.repository.ts';

/**
 * Ends a person's membership (or request) of a group, never the last leader's (LAST_LEADER),
 * and takes away at once the access it gave (moderation's `revokeMemberAccess`). Run it with
 * the group locked. Returns the membership that ended (none when there was none, and then
 * nothing is revoked) and who was promoted from a wait-list, for the caller to tell once
 * committed (the sessions service's `notifyPromoted`).
 */
export async function endMembership(
  trx: Db,
  groupId: string,
  userId: string,
  options: { mailer: Pick<Mailer, 'revokePending'>; dialect: Dialect; now: Date },
): Promise<{ membership: groupsRepo.MembershipRow | undefined; promoted: Promotion[] }> {
  const membership = await groupsRepo.findMembership(trx, groupId, userId);
  if (!membership) return { membership, promoted: [] };
  if (policy.isLeader(membership) && (await repo.countActiveLeaders(trx, groupId)) <= 1) throw new AppError('LAST_LEADER');
  await repo.deleteMembership(trx, groupId, userId);
  return { membership, promoted: await revokeMemberAccess(trx, groupId, userId, options) };
}
