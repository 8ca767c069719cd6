/**
 * Who may do what in a group: pure functions of the group, the asker's membership and the
 * asker's platform role (Rallly's `ability.ts` shape: one function answers every "can I").
 * The rule everywhere: what you may not see does not exist (404), and only what you may see
 * can refuse you (403). `group-access.ts` applies these to the database.
 */
import type { GroupRow, MembershipRow } from './groups.repository.ts';
import type { GroupNeed } from '../../../shared/group-needs.ts';

type Membership = Pick<MembershipRow, 'role' | 'status'> | null | undefined;

/** What the policy needs to know of the asker beyond their membership (null: not signed in). */
export interface ActorFlags {
  /** users.is_admin or users.is_moderator. */
  isPlatformModerator: boolean;
}

/** Everything one asker may do with one group. */
export interface GroupAbilities {
  /** The group exists for them (drafts for their leaders, private groups for their members). */
  canView: boolean;
  /**
   * Leaders and platform moderators. Platform moderators see private groups and drafts only
   * to moderate them: for every other need such a group is as hidden from them as from anyone.
   */
  /** An active member: reads and writes discussions, RSVPs, votes, reports posts. */
  canParticipate: boolean;
  /** An active leader: edits the group, its sessions, programmes and polls, manages members. */
  canLead: boolean;
  canModerate: boolean;
  /** Reads posts hidden by moderation (leaders and platform moderators). */
  canSeeHidden: boolean;
  /** Sees who else is in the group. */
  canSeeMembers: boolean;
  /** Reports a post to the group's moderators (the members who read it). */
  canReport: boolean;
}

export const isActiveMember = (m: Membership): boolean => m?.status === 'active';
export const isLeader = (m: Membership): boolean => m?.status === 'active' && m.role === 'leader';

/** Drafts are seen by their leaders only; private groups by their members only. */
export function canViewGroup(group: Pick<GroupRow, 'status' | 'visibility'>, membership: Membership): boolean {
  if (group.status !== 'active') return isLeader(membership);
  if (group.visibility === 'private') return isActiveMember(membership);
  return true;
}

/** What this asker may do with this group. */
export function abilitiesFor(group: Pick<GroupRow, 'status' | 'visibility'>, membership: Membership, actor: ActorFlags | null): GroupAbilities {
  const member = isActiveMember(membership);
  const leader = isLeader(membership);
  const platformModerator = actor?.isPlatformModerator === true;
  const canModerate = leader || platformModerator;
  return {
    canView: canViewGroup(group, membership),
    canParticipate: member,
    canLead: leader,
    canModerate,
    canSeeHidden: canModerate,
    canSeeMembers: member,
    canReport: member,
  };
}

/** How a need is met: 'hidden' (answer as if the group did not exist), 'refused' (403) or 'ok'. */
export function decide(can: GroupAbilities, need: GroupNeed): 'ok' | 'hidden' | 'refused' {
  // A group one may moderate is one one may see, for moderation's needs.
  const visible = can.canView || ((need === 'moderate' || need === 'report') && can.canModerate);
  if (!visible) return 'hidden';
  const met: Record<GroupNeed, boolean> = {
    view: true,
    member: can.canParticipate,
    lead: can.canLead,
    moderate: can.canModerate,
    report: can.canReport,
  };
  return met[need] ? 'ok' : 'refused';
}

export const canEditGroup = (membership: Membership): boolean => isLeader(membership);

/**
 * Leaders may not ban or remove a platform moderator (they must stay able to look into a
 * group that turns on them); another platform moderator may.
 */
export const canBan = (can: GroupAbilities, actor: ActorFlags, target: ActorFlags): boolean =>
  can.canModerate && (actor.isPlatformModerator || !target.isPlatformModerator);
