/**
 * What other modules call into moderation: whether someone is banned from a group, taking a
 * departing member's access away, writing the audit log from their own transactions, and
 * whether a post may still go out by mail. Each takes the database or the caller's
 * transaction as its first argument, so it joins whatever the caller is doing atomically.
 */
import { randomBytes } from 'node:crypto';
import type { ModerationAction } from '../../../shared/moderation.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Dialect } from '../../platform/db/database.ts';
import type { DeliveryTarget } from '../../platform/mail/mail-delivery.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { isMailSubjectVisible } from '../discussions/discussions.hooks.ts';
import { isActiveMemberOf, type MembershipParticipants } from '../groups/memberships.hooks.ts';
import { deleteNotificationsOfMember } from '../notifications/notifications.hooks.ts';
import { withdrawUpcomingAnswers, type Promotion } from '../sessions/sessions.hooks.ts';
import type { SessionsService } from '../sessions/sessions.service.ts';
import * as repo from './moderation.repository.ts';

export interface ModerationEntry {
  groupId: string;
  actorId: string | null;
  action: ModerationAction;
  targetUserId?: string | null;
  threadId?: string | null;
  commentId?: string | null;
  reportId?: string | null;
  note?: string | null;
  /** When it happened (ISO), from the caller's clock. */
  now: string;
}

let lastMs = 0;
let sequence = 0;

/**
 * A UUID (version 7) that sorts in the order entries were written, even within one
 * millisecond: the log reads newest first by time then id, and an action and what it
 * brought along (a hide and the reports it resolved) share one instant.
 */
// eslint-disable-next-line no-restricted-syntax -- an id's order, not business time: the real clock keeps ids unique across test clocks.
export function timeOrderedId(at: number = Date.now()): string {
  if (at <= lastMs) {
    sequence += 1;
    // 12 bits of sequence per millisecond; past that, borrow the next millisecond.
    if (sequence > 0xfff) {
      lastMs += 1;
      sequence = 0;
    }
  } else {
    lastMs = at;
    sequence = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Appends one entry to the audit log (there is no way to change or remove one). */
export async function recordModerationAction(trx: Db, entry: ModerationEntry): Promise<void> {
  await repo.insertLogEntry(trx, {
    id: timeOrderedId(),
    group_id: entry.groupId,
    actor_id: entry.actorId,
    action: entry.action,
    target_user_id: entry.targetUserId ?? null,
    thread_id: entry.threadId ?? null,
    comment_id: entry.commentId ?? null,
    report_id: entry.reportId ?? null,
    note: entry.note ?? null,
    created_at: entry.now,
  });
}

/** Whether the person is banned from the group (joining and invitations are then refused). */
async function isBannedFrom(db: Db, groupId: string, userId: string): Promise<boolean> {
  return Boolean(await repo.findBan(db, groupId, userId));
}

/** Which of these people are banned from the group (the mailing list leaves them out). */
export function bannedAmong(db: Db, groupId: string, userIds: string[]): Promise<Set<string>> {
  return repo.listBannedAmong(db, groupId, userIds);
}

/**
 * What a module above moderation takes away, in the ending transaction, when a membership
 * ends (the mailing list revokes reply addresses); given in app.ts, so moderation imports none.
 */
export type AccessRevoker = (trx: Db, groupId: string, userId: string, now: string) => Promise<void>;

/**
 * Takes away at once what a person keeps in a group once their membership is gone (they
 * left, were removed or were banned): their reply-by-mail addresses stop posting, mail
 * queued for them about the group is revoked, their answers to sessions that have not
 * started yet are withdrawn (freed places go to the wait-list, first come first served),
 * and their notifications of the group are deleted. The personal calendar feed needs
 * nothing: it is built from active memberships on every request. Run it in the transaction
 * that removes the membership (the mailer's guard also re-checks membership at send time).
 *
 * Returns who was promoted from a wait-list, for the caller to tell them once committed
 * (the sessions service's `notifyPromoted`).
 */
export async function revokeMemberAccess(
  trx: Db,
  groupId: string,
  userId: string,
  options: { mailer: Pick<Mailer, 'revokePending'>; dialect?: Dialect; now: Date; revokers: readonly AccessRevoker[] },
): Promise<Promotion[]> {
  const now = options.now.toISOString();
  for (const revoke of options.revokers) await revoke(trx, groupId, userId, now);
  await deleteNotificationsOfMember(trx, groupId, userId);
  await options.mailer.revokePending({ recipientId: userId, groupId }, { db: trx });
  return withdrawUpcomingAnswers(trx, groupId, userId, { dialect: options.dialect, now });
}

/**
 * What groups' memberships service asks of moderation and sessions (bans, the audit log,
 * revoking access when a membership ends and telling those promoted once committed); built
 * once in app.ts, so that groups depends on neither.
 */
export function membershipParticipants(deps: {
  mailer: Pick<Mailer, 'revokePending'>;
  dialect: Dialect;
  clock: Clock;
  sessions: Pick<SessionsService, 'notifyPromoted'>;
  revokers: readonly AccessRevoker[];
}): MembershipParticipants {
  return {
    isBannedFrom,
    recordRemoval: (trx, entry) => recordModerationAction(trx, { ...entry, action: 'member.removed', now: deps.clock.now().toISOString() }),
    async revokeAccess(trx, groupId, userId) {
      const promoted = await revokeMemberAccess(trx, groupId, userId, {
        mailer: deps.mailer,
        dialect: deps.dialect,
        now: deps.clock.now(),
        revokers: deps.revokers,
      });
      return () => deps.sessions.notifyPromoted(promoted);
    },
  };
}

/**
 * The mailer's send-time check (given to it in app.ts): mail about a group goes only to its
 * active members, and a post hidden or deleted since its mail was queued is not mailed.
 */
export async function isMailDeliverable(db: Db, { recipientId, groupId, subjectId }: DeliveryTarget): Promise<boolean> {
  if (subjectId && !(await isMailSubjectVisible(db, subjectId))) return false;
  if (!recipientId || !groupId) return true;
  return isActiveMemberOf(db, groupId, recipientId);
}
