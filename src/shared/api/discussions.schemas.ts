import { z } from 'zod';
import { POST_LIMITS } from '../limits.ts';
import { text } from './text-schemas.ts';
import { instant } from './sessions.schemas.ts';

const title = () => text(POST_LIMITS.title);
/** Markdown, stored exactly as written. */
const body = () => text(POST_LIMITS.body, { multiline: true });

export const ThreadIdParams = z.object({ id: z.uuid() });
export const CommentIdParams = z.object({ id: z.uuid() });
/** An occurrence by its start instant, as in the sessions routes. */
export const RecapParams = z.object({ id: z.uuid(), occurrenceStart: instant() });

export const NewThreadBody = z.object({ title: title(), body: body() });
export type NewThreadInput = z.infer<typeof NewThreadBody>;

export const EditThreadBody = z
  .object({ title: title().optional(), body: body().optional() })
  .refine((v) => v.title !== undefined || v.body !== undefined, { error: 'issue.nothingToChange' });
export type EditThreadInput = z.infer<typeof EditThreadBody>;

export const CommentBody = z.object({ body: body() });

/**
 * Where a page starts: the `nextBefore` of the previous page (`<instant>~<id>`), or just an
 * instant (everything strictly older).
 */
export const pageCursor = () =>
  z
    .string()
    .refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z(~[A-Za-z0-9._-]{1,120})?$/.test(v) && !Number.isNaN(Date.parse(v.split('~')[0]!)), {
      error: 'issue.cursor',
    })
    .transform((v) => {
      const [at, id] = v.split('~') as [string, string | undefined];
      return { at: new Date(at).toISOString(), id: id ?? null };
    });

export const ThreadsQuery = z.object({
  before: pageCursor().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const Author = z.object({ id: z.string(), displayName: z.string() });
export type Author = z.infer<typeof Author>;

const Thread = z.object({
  id: z.string(),
  groupSlug: z.string(),
  /** Empty when hidden from this viewer or deleted. */
  title: z.string(),
  /** Markdown as written; empty when hidden from this viewer or deleted. */
  body: z.string(),
  /** The body as safe HTML (no script, no remote image, only http/https/mailto links). */
  html: z.string(),
  /** Null for a recap's thread, once the account is gone, or when deleted. */
  author: Author.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  editedAt: z.string().nullable(),
  lastActivityAt: z.string(),
  commentCount: z.number(),
  locked: z.boolean(),
  hidden: z.boolean(),
  deleted: z.boolean(),
  /** Set when the thread holds the comments on one occurrence's recap. */
  session: z.object({ id: z.string(), startsAt: z.string() }).nullable(),
  source: z.enum(['web', 'email']),
});

const Comment = z.object({
  id: z.string(),
  threadId: z.string(),
  body: z.string(),
  html: z.string(),
  author: Author.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  editedAt: z.string().nullable(),
  hidden: z.boolean(),
  deleted: z.boolean(),
  source: z.enum(['web', 'email']),
});

export const ThreadResponse = z.object({ thread: Thread });
export const ThreadsResponse = z.object({
  threads: z.array(Thread),
  /** Pass as `before` for the next page; null on the last one. */
  nextBefore: z.string().nullable(),
});
export const ThreadDetailResponse = z.object({ thread: Thread, comments: z.array(Comment) });
export const CommentResponse = z.object({ comment: Comment });
export const RecapCommentsResponse = z.object({ thread: Thread.nullable(), comments: z.array(Comment) });

export type ThreadView = z.infer<typeof Thread>;
export type CommentView = z.infer<typeof Comment>;
export type ThreadsResponse = z.infer<typeof ThreadsResponse>;
export type ThreadDetailResponse = z.infer<typeof ThreadDetailResponse>;
export type RecapCommentsResponse = z.infer<typeof RecapCommentsResponse>;
