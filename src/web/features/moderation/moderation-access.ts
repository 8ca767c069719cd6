import type { User } from '../../../shared/api/accounts.schemas.ts';
import type { Group } from '../../../shared/api/groups.schemas.ts';
import { isLeaderOf } from '../groups/GroupGate.tsx';

/** Platform moderators (admins are moderators too) look after every group. */
export function isPlatformModerator(user: User | null | undefined): boolean {
  return Boolean(user?.isAdmin || user?.isModerator);
}

/** The group's active leaders moderate it, as the server's moderation policy says. */
export function canModerateGroup(group: Group, user: User | null | undefined): boolean {
  return isLeaderOf(group) || isPlatformModerator(user);
}
