/** Validation limits shared by the API schemas and the web forms. */
export const LIMITS = {
  email: 254,
  passwordMin: 10,
  passwordMax: 200,
  displayName: 80,
  groupName: 120,
  purpose: 4000,
  reasons: 4000,
  charter: 20000,
  rhythm: 100,
  profession: 120,
  topic: 60,
  topics: 20,
  languages: 20,
  maxMembersMin: 2,
  maxMembersMax: 10000,
  /** A session's length in minutes. */
  sessionMinutesMin: 5,
  sessionMinutesMax: 720,
} as const;

export const LEADERSHIPS = ['professional', 'peer', 'guest'] as const;
export const MEMBERSHIP_POLICIES = ['open', 'approval', 'invite'] as const;
export const FORMATS = ['drop-in', 'cohort'] as const;
export const MODES = ['in-person', 'online', 'email', 'post'] as const;
export const VISIBILITIES = ['public', 'unlisted', 'private'] as const;
/** Suggested rhythms; a founder may also write their own. */
export const RHYTHMS = ['weekly', 'fortnightly', 'monthly', 'irregular'] as const;
/** How a member follows a group: web only, each post by e-mail, a daily digest, or by post. */
export const DELIVERIES = ['web', 'email-each', 'email-digest', 'post'] as const;

/** Lengths a discussion post (a thread or a comment) may have. */
export const POST_LIMITS = { title: 200, body: 20_000 } as const;

export type Leadership = (typeof LEADERSHIPS)[number];
export type MembershipPolicy = (typeof MEMBERSHIP_POLICIES)[number];
export type GroupFormat = (typeof FORMATS)[number];
export type Mode = (typeof MODES)[number];
export type Visibility = (typeof VISIBILITIES)[number];
export type Delivery = (typeof DELIVERIES)[number];
