/**
 * Who may do what in a group: pure functions of the group, the asker's membership and
 * whether they are signed in. The rule everywhere: what you may not see does not exist
 * (404), and only what you may see can refuse you (403).
 */
import type { GroupRow, MembershipRow } from './groups.repository.ts';

type Membership = Pick<MembershipRow, 'role' | 'status'> | null | undefined;

export const isActiveMember = (m: Membership): boolean => m?.status === 'active';
export const isLeader = (m: Membership): boolean => m?.status === 'active' && m.role === 'leader';

/** Drafts are seen by their leaders only; private groups by their members only. */
export function canViewGroup(group: Pick<GroupRow, 'status' | 'visibility'>, membership: Membership): boolean {
  if (group.status !== 'active') return isLeader(membership);
  if (group.visibility === 'private') return isActiveMember(membership);
  return true;
}

export const canEditGroup = (membership: Membership): boolean => isLeader(membership);
export const canManageMembers = (membership: Membership): boolean => isLeader(membership);
export const canSeeMembers = (membership: Membership): boolean => isActiveMember(membership);
