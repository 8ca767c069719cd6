/** Addresses of the moderation pages. */
export const moderationPaths = {
  group: (slug: string, status?: string) => `/groups/${encodeURIComponent(slug)}/moderation${status && status !== 'open' ? `?status=${status}` : ''}`,
  groupBans: (slug: string) => `/groups/${encodeURIComponent(slug)}/moderation/bans`,
  groupLog: (slug: string) => `/groups/${encodeURIComponent(slug)}/moderation/log`,
  platform: (status?: string) => `/moderation${status && status !== 'open' ? `?status=${status}` : ''}`,
  platformLog: '/moderation/log',
};
