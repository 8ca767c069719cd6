import { z } from 'zod';
import { list } from './text-schemas.ts';
import { pageCursor } from './discussions.schemas.ts';

export const NotificationsQuery = z.object({
  before: pageCursor().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** Either some notifications by id, or all of them. */
export const MarkReadBody = z
  .object({
    ids: list(z.string().min(1).max(200), { max: 500 }).optional(),
    all: z.literal(true).optional(),
  })
  .refine((v) => (v.ids !== undefined) !== (v.all !== undefined), { error: 'issue.readSelection' });

const Notification = z.object({
  id: z.string(),
  /** thread.created | comment.created (other modules may add kinds). */
  kind: z.string(),
  group: z.object({ slug: z.string(), name: z.string() }),
  thread: z.object({ id: z.string(), title: z.string() }).nullable(),
  commentId: z.string().nullable(),
  actor: z.object({ displayName: z.string() }).nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof Notification>;

export const NotificationsResponse = z.object({
  notifications: z.array(Notification),
  unreadCount: z.number(),
  /** Pass as `before` for the next page; null on the last one. */
  nextBefore: z.string().nullable(),
});
export type NotificationsResponse = z.infer<typeof NotificationsResponse>;
export const UnreadCountResponse = z.object({ unreadCount: z.number() });
