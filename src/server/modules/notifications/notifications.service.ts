import type { ServiceDeps } from '../../platform/deps.ts';
import * as repo from './notifications.repository.ts';
import type { NotificationView } from '../../../shared/api/notifications.schemas.ts';

export interface PostNotification {
  groupId: string;
  kind: 'thread.created' | 'comment.created';
  threadId: string;
  commentId: string | null;
  /** The author: never notified of their own post. */
  actorId: string;
  createdAt: string;
}

export function createNotificationsService(deps: Pick<ServiceDeps, 'db' | 'clock'>) {
  const { db } = deps;

  return {
    /**
     * Tells every active member of the group but the author about a new post. Takes the
     * posting transaction, so the post and its notifications commit together.
     */
    async notifyMembersOfPost(trx: ServiceDeps['db'], post: PostNotification): Promise<void> {
      await repo.insertPostNotifications(trx, post);
    },

    /**
     * The reader's notifications, newest first, with their unread count. Only what they may
     * still see: groups they are an active member of now, posts not hidden nor deleted.
     */
    async listNotifications(userId: string, page: { before?: { at: string; id: string | null }; limit: number }) {
      const [rows, unreadCount] = await Promise.all([
        repo.listNotifications(db, userId, { before: page.before ?? null, limit: page.limit }),
        repo.countUnread(db, userId),
      ]);
      const notifications: NotificationView[] = rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        group: { slug: r.group_slug, name: r.group_name },
        thread: r.thread_id && r.thread_title != null ? { id: r.thread_id, title: r.thread_title } : null,
        commentId: r.comment_id,
        actor: r.actor_name != null ? { displayName: r.actor_name } : null,
        createdAt: r.created_at,
        readAt: r.read_at,
      }));
      const last = rows.length === page.limit ? rows[rows.length - 1] : undefined;
      return { notifications, unreadCount, nextBefore: last ? `${last.created_at}~${last.id}` : null };
    },

    /** How many of the reader's visible notifications are unread. */
    countUnread: (userId: string) => repo.countUnread(db, userId),

    /** Marks the given notifications (or all) read; answers the new unread count. */
    async markRead(userId: string, selection: { ids: string[] } | { all: true }): Promise<number> {
      await repo.markRead(db, userId, 'all' in selection ? 'all' : selection.ids, deps.clock.now().toISOString());
      return repo.countUnread(db, userId);
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
