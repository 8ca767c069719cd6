import type { User } from '../accounts/account-types.ts';
import type { Group } from '../groups/group-types.ts';
import { isLeaderOf } from '../groups/GroupGate.tsx';

/** Platform moderators (admins are moderators too) look after every group. */
export function isPlatformModerator(user: User | null | undefined): boolean {
  const flags = user as (User & { isModerator?: boolean }) | null | undefined;
  return Boolean(flags?.isAdmin || flags?.isModerator);
}

/** The group's active leaders moderate it, as the server's moderation policy says. */
export function canModerateGroup(group: Group, user: User | null | undefined): boolean {
  return isLeaderOf(group) || isPlatformModerator(user);
}
