/**
 * Who may moderate what: pure functions. A group's leaders moderate their group; platform
 * moderators (admins included) moderate every group, private ones too. As everywhere, what
 * you may not see does not exist (404) and only what you may see can refuse you (403).
 */
import type { Selectable } from 'kysely';
import type { GroupsTable as GroupRow, MembershipsTable } from '../../platform/db/tables/groups.tables.ts';

type MembershipRow = Selectable<MembershipsTable>;
import * as groupPolicy from '../groups/groups.policy.ts';

type Membership = Pick<MembershipRow, 'role' | 'status'> | null | undefined;

export interface ModerationViewer {
  /** users.is_admin or users.is_moderator. */
  isPlatformModerator: boolean;
  membership: Membership;
}

export const isPlatformModerator = (user: { is_admin: number; is_moderator: number } | undefined): boolean =>
  Boolean(user && (Number(user.is_admin) === 1 || Number(user.is_moderator) === 1));

export const canSeeGroup = (group: Pick<GroupRow, 'status' | 'visibility'>, viewer: ModerationViewer): boolean =>
  viewer.isPlatformModerator || groupPolicy.canViewGroup(group, viewer.membership);

export const canModerateGroup = (viewer: ModerationViewer): boolean => viewer.isPlatformModerator || groupPolicy.isLeader(viewer.membership);

/** Reporting is for the members who read the post. */
export const canReport = (viewer: ModerationViewer): boolean => groupPolicy.isActiveMember(viewer.membership);

/**
 * Leaders may not ban or remove a platform moderator (they must stay able to look into a
 * group that turns on them); another platform moderator may.
 */
export const canBan = (viewer: ModerationViewer, target: { isPlatformModerator: boolean }): boolean =>
  canModerateGroup(viewer) && (viewer.isPlatformModerator || !target.isPlatformModerator);
