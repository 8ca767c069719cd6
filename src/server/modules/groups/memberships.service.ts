import type { Delivery, Leadership } from '../../../shared/limits.ts';
import { isLocale, type Locale } from '../../../shared/locale.ts';
import type { Db } from '../../platform/db/database.ts';
import { lockForUpdate } from '../../platform/db/locks.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, forbidden, notFound } from '../../platform/http/app-error.ts';
import { renderMail } from '../../platform/mail/render.ts';
import { hashToken, newToken } from '../../platform/security/tokens.ts';
import * as policy from './groups.policy.ts';
import * as groupsRepo from './groups.repository.ts';
import type { GroupsService } from './groups.service.ts';
import { toGroupSummary } from './groups.service.ts';
import { endMembership, type MembershipParticipants } from './memberships.hooks.ts';
import * as repo from './memberships.repository.ts';
import { isDelivery } from '../../../shared/api/memberships.schemas.ts';

const INVITATION_DAYS = 14;

export interface Membership {
  groupSlug: string;
  userId: string;
  status: 'active' | 'pending';
  role: 'leader' | 'member';
  leaderType?: Leadership;
  charterVersion: number;
  charterAcceptedAt: string;
  joinedAt: string | null;
  /** How the member follows the group's discussions. */
  delivery: Delivery;
}

function toMembership(slug: string, m: groupsRepo.MembershipRow): Membership {
  return {
    groupSlug: slug,
    userId: m.user_id,
    status: m.status === 'active' ? 'active' : 'pending',
    role: m.role === 'leader' ? 'leader' : 'member',
    ...(m.role === 'leader' && m.leader_type ? { leaderType: m.leader_type as Leadership } : {}),
    charterVersion: m.charter_version,
    charterAcceptedAt: m.charter_accepted_at,
    joinedAt: m.joined_at,
    delivery: isDelivery(m.delivery) ? m.delivery : 'web',
  };
}

/** `sessions` tells people promoted from a wait-list when a departing member's places free up. */
/** `participants`: what moderation and sessions do when memberships start or end (see memberships.hooks.ts). */
export function createMembershipsService(deps: ServiceDeps & { groups: GroupsService; participants: MembershipParticipants }) {
  const { participants } = deps;
  const { db, groups } = deps;
  const lockGroup = (trx: Db, groupId: string) => lockForUpdate(trx, deps.dialect, 'groups', groupId);

  async function requireRoom(trx: Db, group: groupsRepo.GroupRow): Promise<void> {
    if (group.max_members != null && (await groupsRepo.countActiveMembers(trx, group.id)) >= group.max_members) {
      throw new AppError('GROUP_FULL');
    }
  }

  async function reload(groupId: string, slug: string, userId: string): Promise<Membership> {
    const m = await groupsRepo.findMembership(db, groupId, userId);
    if (!m) throw notFound();
    return toMembership(slug, m);
  }

  /** The membership a leader acts on: it must exist in this group. */
  async function loadTarget(groupId: string, userId: string) {
    const target = await groupsRepo.findMembership(db, groupId, userId);
    if (!target) throw notFound();
    return target;
  }

  async function mailLeaders(group: groupsRepo.GroupRow, build: (locale: Locale) => ReturnType<typeof renderMail>, kind: string) {
    for (const leader of await repo.listLeaderContacts(db, group.id)) {
      const locale = isLocale(leader.locale) ? leader.locale : 'en';
      await deps.mailer.send({ ...build(locale), to: leader.email, kind });
    }
  }

  return {
    /**
     * Joins a group after accepting its charter (recorded with the charter's version). Open
     * groups admit at once; approval groups queue the request for the leaders; invitation
     * groups refuse (an invitation link is the way in). Already a member: the membership.
     */
    async joinGroup(actor: Actor, slug: string): Promise<{ membership: Membership; created: boolean }> {
      const { group, membership } = await groups.loadGroupFor(actor, { slug }, 'view');
      if (membership) return { membership: toMembership(slug, membership), created: false };
      if (await participants.isBannedFrom(db, group.id, actor.id)) throw new AppError('BANNED');
      if (group.status !== 'active') throw new AppError('NOT_PUBLISHED');
      if (group.membership_policy === 'invite') throw new AppError('INVITATION_REQUIRED');
      const now = deps.clock.now().toISOString();
      const status = group.membership_policy === 'approval' ? 'pending' : 'active';
      const raced = await db.transaction().execute(async (trx) => {
        await lockGroup(trx, group.id);
        // A double click may have joined in the meantime: that is the same outcome.
        const existing = await groupsRepo.findMembership(trx, group.id, actor.id);
        if (existing) return existing;
        // Checked again under the lock: a ban may have landed since.
        if (await participants.isBannedFrom(trx, group.id, actor.id)) throw new AppError('BANNED');
        if (status === 'active') await requireRoom(trx, group);
        await repo.insertMembership(trx, {
          group_id: group.id,
          user_id: actor.id,
          role: 'member',
          status,
          leader_type: null,
          profession: null,
          charter_version: group.charter_version,
          charter_accepted_at: now,
          created_at: now,
          joined_at: status === 'active' ? now : null,
        });
        return null;
      });
      if (raced) return { membership: toMembership(slug, raced), created: false };
      if (status === 'active') await deps.events.emit('member.joined', { groupId: group.id, userId: actor.id });
      if (status === 'pending') {
        const url = `${deps.appUrl}/groups/${encodeURIComponent(slug)}`;
        await mailLeaders(
          group,
          (locale) =>
            renderMail(
              locale,
              { subject: 'mail.request.subject', body: 'mail.request.body', action: 'mail.request.action' },
              { name: actor.displayName, group: group.name },
              url,
            ),
          'join-request',
        );
      }
      return { membership: await reload(group.id, slug, actor.id), created: true };
    },

    /** Accepts the group's current charter again after a leader changed it. */
    async acceptCharter(actor: Actor, slug: string): Promise<Membership> {
      const { group, membership } = await groups.loadGroupFor(actor, { slug }, 'view');
      if (!membership) throw forbidden();
      await repo.updateMembership(db, group.id, actor.id, { charter_version: group.charter_version, charter_accepted_at: deps.clock.now().toISOString() });
      return reload(group.id, slug, actor.id);
    },

    /**
     * Chooses how the member follows the group: on the web only, each post by e-mail, a
     * daily digest, or by post. Active members only. Choosing the digest starts it now: the
     * first one covers what is posted from this moment on.
     */
    async setDelivery(actor: Actor, slug: string, delivery: Delivery): Promise<Membership> {
      const { group, membership } = await groups.loadGroupFor(actor, { slug }, 'member');
      if (membership!.delivery !== delivery) {
        const startsDigest = delivery === 'email-digest';
        await repo.updateMembership(db, group.id, actor.id, { delivery, ...(startsDigest ? { digested_until: deps.clock.now().toISOString() } : {}) });
      }
      return reload(group.id, slug, actor.id);
    },

    /** Leaves a group (or withdraws a request). The last leader must hand over first. */
    async leaveGroup(actor: Actor, slug: string): Promise<void> {
      // Anyone with a membership (even a pending request to a group that has since turned
      // private) may leave; others learn only what they may see.
      const found = await groupsRepo.findGroupBySlug(db, slug);
      const own = found && (await groupsRepo.findMembership(db, found.id, actor.id));
      if (!found || !own) {
        await groups.loadGroupFor(actor, { slug }, 'view');
        return;
      }
      const group = found;
      const afterCommit = await db.transaction().execute(async (trx) => {
        await lockGroup(trx, group.id);
        return (await endMembership(trx, group.id, actor.id, (t) => participants.revokeAccess(t, group.id, actor.id))).revoked;
      });
      await afterCommit?.();
      await deps.events.emit('member.left', { groupId: group.id, userId: actor.id, wasLeader: policy.isLeader(own) });
    },

    /** Members see each other by display name and role, never by address. */
    async listMembers(actor: Actor, slug: string) {
      const { group, can } = await groups.loadGroupFor(actor, { slug }, 'view');
      if (!can.canSeeMembers) throw forbidden();
      const rows = await repo.listActiveMembers(db, group.id);
      return rows.map((r) => ({
        userId: r.user_id,
        displayName: r.display_name,
        role: r.role === 'leader' ? ('leader' as const) : ('member' as const),
        ...(r.role === 'leader' ? { leaderType: (r.leader_type ?? group.leadership ?? 'peer') as Leadership } : {}),
        ...(r.role === 'leader' && r.profession ? { profession: r.profession } : {}),
        joinedAt: r.joined_at,
      }));
    },

    /** Requests waiting for a leader's approval. */
    async listRequests(actor: Actor, slug: string) {
      const { group } = await groups.loadGroupFor(actor, { slug }, 'lead');
      const rows = await repo.listPendingRequests(db, group.id);
      return rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, requestedAt: r.created_at }));
    },

    /** Admits a pending member (room permitting) and tells them. */
    async approveMember(actor: Actor, slug: string, userId: string): Promise<Membership> {
      const { group } = await groups.loadGroupFor(actor, { slug }, 'lead');
      const target = await loadTarget(group.id, userId);
      if (target.status === 'pending') {
        await db.transaction().execute(async (trx) => {
          await lockGroup(trx, group.id);
          await requireRoom(trx, group);
          await repo.updateMembership(trx, group.id, userId, { status: 'active', joined_at: deps.clock.now().toISOString() });
        });
        await deps.events.emit('member.joined', { groupId: group.id, userId });
        const person = await repo.findMemberContact(db, userId);
        if (person) {
          const locale = isLocale(person.locale) ? person.locale : 'en';
          const url = `${deps.appUrl}/groups/${encodeURIComponent(slug)}`;
          const mail = renderMail(
            locale,
            { subject: 'mail.approved.subject', body: 'mail.approved.body', action: 'mail.approved.action' },
            { name: person.display_name, group: group.name },
            url,
          );
          await deps.mailer.send({ ...mail, to: person.email, kind: 'join-approved' });
        }
      }
      return reload(group.id, slug, userId);
    },

    /** Declines a pending request. */
    async rejectRequest(actor: Actor, slug: string, userId: string): Promise<void> {
      const { group } = await groups.loadGroupFor(actor, { slug }, 'lead');
      const target = await loadTarget(group.id, userId);
      if (target.status !== 'pending') throw new AppError('CONFLICT');
      await repo.deleteMembership(db, group.id, userId);
    },

    /** Makes an active member a co-leader, of the given kind. */
    async promoteMember(actor: Actor, slug: string, userId: string, leaderType: Leadership, profession: string | null | undefined): Promise<Membership> {
      const { group } = await groups.loadGroupFor(actor, { slug }, 'lead');
      const target = await loadTarget(group.id, userId);
      if (target.status !== 'active') throw new AppError('CONFLICT');
      await repo.updateMembership(db, group.id, userId, { role: 'leader', leader_type: leaderType, profession: profession ?? null });
      await deps.events.emit('leader.promoted', { groupId: group.id, userId });
      return reload(group.id, slug, userId);
    },

    /** Returns a leader to plain membership; never the last one. */
    async demoteLeader(actor: Actor, slug: string, userId: string): Promise<Membership> {
      const { group } = await groups.loadGroupFor(actor, { slug }, 'lead');
      const target = await loadTarget(group.id, userId);
      if (target.role === 'leader') {
        await db.transaction().execute(async (trx) => {
          await lockGroup(trx, group.id);
          if ((await repo.countActiveLeaders(trx, group.id)) <= 1) throw new AppError('LAST_LEADER');
          await repo.updateMembership(trx, group.id, userId, { role: 'member', leader_type: null, profession: null });
        });
        await deps.events.emit('leader.demoted', { groupId: group.id, userId });
      }
      return reload(group.id, slug, userId);
    },

    /** Removes a member from the group; a group never loses its last leader. */
    async removeMember(actor: Actor, slug: string, userId: string): Promise<void> {
      const { group } = await groups.loadGroupFor(actor, { slug }, 'lead');
      const target = await loadTarget(group.id, userId);
      const afterCommit = await db.transaction().execute(async (trx) => {
        await lockGroup(trx, group.id);
        const { membership, revoked } = await endMembership(trx, group.id, userId, (t) => participants.revokeAccess(t, group.id, userId));
        if (!membership) return null;
        await participants.recordRemoval(trx, { groupId: group.id, actorId: actor.id, targetUserId: userId });
        return revoked;
      });
      // Those promoted are told only once the places are theirs for good (the transaction committed).
      await afterCommit?.();
      await deps.events.emit('member.removed', { groupId: group.id, userId, wasLeader: policy.isLeader(target) });
    },

    /**
     * Creates a single-use invitation link, valid 14 days; with an address, mails it in the
     * inviter's language. The address is used for that one mail and not stored.
     */
    async inviteToGroup(actor: Actor, slug: string, email: string | undefined) {
      const { group } = await groups.loadGroupFor(actor, { slug }, 'lead');
      if (group.status !== 'active') throw new AppError('NOT_PUBLISHED');
      const token = newToken();
      const now = deps.clock.now();
      const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString();
      await repo.insertInvitation(db, { id: hashToken(token), group_id: group.id, created_by: actor.id, created_at: now.toISOString(), expires_at: expiresAt });
      const url = `${deps.appUrl}/invitations/${token}`;
      if (email) {
        const mail = renderMail(
          actor.locale,
          { subject: 'mail.invite.subject', body: 'mail.invite.body', action: 'mail.invite.action' },
          { inviter: actor.displayName, group: group.name, purpose: group.purpose ?? '' },
          url,
        );
        await deps.mailer.send({ ...mail, to: email, kind: 'invitation' });
      }
      return { token, url, expiresAt };
    },

    /** What an invitation opens: enough of the group to decide, including its charter. */
    async viewInvitation(token: string) {
      const invitation = await repo.findUsableInvitation(db, hashToken(token), deps.clock.now().toISOString());
      const group = invitation && (await groupsRepo.findGroupById(db, invitation.group_id));
      if (!invitation || !group || group.status !== 'active') throw new AppError('INVITATION_INVALID');
      const [count, leaders] = await Promise.all([groupsRepo.countActiveMembers(db, group.id), groupsRepo.listLeaders(db, group.id)]);
      return {
        expiresAt: invitation.expires_at,
        group: {
          ...toGroupSummary(group, count),
          charter: group.charter,
          charterVersion: group.charter_version,
          leaders: leaders.map((l) => ({
            userId: l.user_id,
            displayName: l.display_name,
            leaderType: (l.leader_type ?? group.leadership ?? 'peer') as Leadership,
            ...(l.profession ? { profession: l.profession } : {}),
          })),
        },
      };
    },

    /** Joins through an invitation (the only way into a private group), bypassing approval. */
    async acceptInvitation(actor: Actor, token: string): Promise<{ membership: Membership; created: boolean }> {
      const now = deps.clock.now().toISOString();
      const id = hashToken(token);
      const invitation = await repo.findUsableInvitation(db, id, now);
      const group = invitation && (await groupsRepo.findGroupById(db, invitation.group_id));
      if (!invitation || !group || group.status !== 'active') throw new AppError('INVITATION_INVALID');
      const existing = await groupsRepo.findMembership(db, group.id, actor.id);
      if (existing?.status === 'active') return { membership: toMembership(group.slug, existing), created: false };
      await db.transaction().execute(async (trx) => {
        await lockGroup(trx, group.id);
        // Refused before the invitation is used up: it stays good for someone else.
        if (await participants.isBannedFrom(trx, group.id, actor.id)) throw new AppError('BANNED');
        await requireRoom(trx, group);
        if (!(await repo.consumeInvitation(trx, id, now))) throw new AppError('INVITATION_INVALID');
        const fields = { status: 'active', charter_version: group.charter_version, charter_accepted_at: now, joined_at: now };
        if (existing) await repo.updateMembership(trx, group.id, actor.id, fields);
        else
          await repo.insertMembership(trx, {
            group_id: group.id,
            user_id: actor.id,
            role: 'member',
            leader_type: null,
            profession: null,
            created_at: now,
            ...fields,
          });
      });
      await deps.events.emit('member.joined', { groupId: group.id, userId: actor.id });
      return { membership: await reload(group.id, group.slug, actor.id), created: true };
    },

    /**
     * Before an account is erased: refuses if it is the last leader of a group that has other
     * members; deletes the groups it alone was in. Runs inside the deletion's transaction.
     */
    async releaseGroupsOfDeparting(trx: Db, userId: string): Promise<void> {
      for (const { group_id } of await repo.listLedGroupsWithCounts(trx, userId)) await lockGroup(trx, group_id);
      // Counted again under the locks: a co-leader leaving at the same moment is seen.
      for (const led of await repo.listLedGroupsWithCounts(trx, userId)) {
        if (Number(led.other_leaders) > 0) continue;
        if (Number(led.other_members) > 0) throw new AppError('LEADS_GROUPS');
        await groupsRepo.deleteGroup(trx, led.group_id);
      }
    },
  };
}

export type MembershipsService = ReturnType<typeof createMembershipsService>;
