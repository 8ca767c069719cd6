/**
 * What an asker needs of a group to call a route or a service function: to see it, to take
 * part as an active member, to lead it, to moderate it, or to report a post in it (members
 * report; a platform moderator outside the group sees it, and is refused). The routes
 * declare it (platform/http/route-access.ts) and groups.policy.ts decides it.
 */
export const GROUP_NEEDS = ['view', 'member', 'lead', 'moderate', 'report'] as const;
export type GroupNeed = (typeof GROUP_NEEDS)[number];
