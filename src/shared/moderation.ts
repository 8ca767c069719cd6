/** Moderation's vocabulary: the API's schemas and the web app read the same lists. */

/** Why someone reports a post. */
export const REPORT_REASONS = ['harm', 'harassment', 'spam', 'privacy', 'off-topic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const REPORT_STATUSES = ['open', 'resolved', 'dismissed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Bounds of a report's note and a ban's reason, and of a page of the queue or the log. */
export const MODERATION_LIMITS = { note: 1000, banReason: 1000, pageDefault: 50, pageMax: 100 } as const;

/** Every action the audit log records. */
export const MODERATION_ACTIONS = [
  'thread.hidden',
  'thread.unhidden',
  'thread.locked',
  'thread.unlocked',
  'comment.hidden',
  'comment.unhidden',
  'report.resolved',
  'report.dismissed',
  'member.removed',
  'member.banned',
  'member.unbanned',
] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];
