/** Scheduling's vocabulary: the API's schemas and the web app read the same lists. */

/** How a member can take part, as their availability says. */
export const PARTICIPATION_MODES = ['in-person', 'online'] as const;
export type ParticipationMode = (typeof PARTICIPATION_MODES)[number];

/** A member's answer to one slot of a poll. */
export const VOTE_ANSWERS = ['yes', 'if-need-be', 'no'] as const;
export type VoteAnswer = (typeof VOTE_ANSWERS)[number];
