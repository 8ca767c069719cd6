import { z } from 'zod';
import { MODERATION_ACTIONS, MODERATION_LIMITS, REPORT_REASONS, REPORT_STATUSES } from '../moderation.ts';
import { text } from './text-schemas.ts';
import { Slug } from './groups.schemas.ts';

export const IdParams = z.object({ id: z.uuid() });
export const SlugParams = z.object({ slug: Slug() });
export const BanParams = z.object({ slug: Slug(), userId: z.uuid() });

const note = () => text(MODERATION_LIMITS.note, { multiline: true });

export const ReportBody = z.object({
  reason: z.enum(REPORT_REASONS),
  note: note().nullish(),
});
export type ReportInput = z.infer<typeof ReportBody>;

/** Every moderation action may carry a short note for the audit log; the body is optional. */
export const NoteBody = z.object({ note: note().nullish() }).nullish();

export const BanBody = z.object({
  userId: z.uuid(),
  reason: text(MODERATION_LIMITS.banReason, { multiline: true }).nullish(),
});
export type BanInput = z.infer<typeof BanBody>;

/** `before` is the id of the last item of the previous page; pages are newest first. */
const pageFields = {
  before: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(MODERATION_LIMITS.pageMax).default(MODERATION_LIMITS.pageDefault),
};
export const ReportsQuery = z.object({ status: z.enum(REPORT_STATUSES).default('open'), ...pageFields });
export const LogQuery = z.object(pageFields);

const Person = z.object({ id: z.string(), displayName: z.string() });
export type Person = z.infer<typeof Person>;
const GroupRef = z.object({ slug: z.string(), name: z.string() });

export const ReportCreatedResponse = z.object({
  report: z.object({ id: z.string(), status: z.enum(REPORT_STATUSES), createdAt: z.string() }),
});

export const Report = z.object({
  id: z.string(),
  reason: z.enum(REPORT_REASONS),
  note: z.string().nullable(),
  status: z.enum(REPORT_STATUSES),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  /** Seen by moderators only (every reader of this shape is one); null once the account is gone. */
  reporter: Person.nullable(),
  group: GroupRef,
  target: z.object({
    kind: z.enum(['thread', 'comment']),
    id: z.string(),
    threadId: z.string(),
    /** The thread's title (thread reports). */
    title: z.string().optional(),
    /** The title of the comment's thread (comment reports), for context. */
    threadTitle: z.string().optional(),
    /** The first 280 characters of the Markdown body, as written. */
    excerpt: z.string(),
    author: Person.nullable(),
    /** This post itself is hidden (a comment's own flag; a thread's own flag). */
    hidden: z.boolean(),
    /** The post's thread is hidden (for a thread report, the same as `hidden`): its comments are out of view with it. */
    threadHidden: z.boolean(),
    locked: z.boolean(),
    deleted: z.boolean(),
  }),
});
export type Report = z.infer<typeof Report>;
export type PostKind = Report['target']['kind'];
export const ReportResponse = z.object({ report: Report });
export const ReportsResponse = z.object({ reports: z.array(Report), nextBefore: z.string().nullable() });
export type ReportsResponse = z.infer<typeof ReportsResponse>;

export const ThreadStateResponse = z.object({
  thread: z.object({ id: z.string(), hidden: z.boolean(), hiddenAt: z.string().nullable(), locked: z.boolean(), lockedAt: z.string().nullable() }),
});
export const CommentStateResponse = z.object({
  comment: z.object({ id: z.string(), threadId: z.string(), hidden: z.boolean(), hiddenAt: z.string().nullable() }),
});

export const Ban = z.object({ user: Person, reason: z.string().nullable(), createdAt: z.string(), bannedBy: Person.nullable() });
export type Ban = z.infer<typeof Ban>;
export const BanResponse = z.object({ ban: Ban });
export const BansResponse = z.object({ bans: z.array(Ban) });

export const LogEntry = z.object({
  id: z.string(),
  action: z.enum(MODERATION_ACTIONS),
  group: GroupRef.nullable(),
  actor: Person.nullable(),
  targetUser: Person.nullable(),
  thread: z.object({ id: z.string(), title: z.string() }).nullable(),
  comment: z.object({ id: z.string(), threadId: z.string() }).nullable(),
  report: z.object({ id: z.string(), reason: z.enum(REPORT_REASONS), status: z.enum(REPORT_STATUSES) }).nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type LogEntry = z.infer<typeof LogEntry>;
export const LogResponse = z.object({ entries: z.array(LogEntry), nextBefore: z.string().nullable() });
export type LogResponse = z.infer<typeof LogResponse>;
