/** In-app notifications as the web app reads them (see notifications.schemas.ts on the server). */
export interface AppNotification {
  id: string;
  /** `thread.created`, `comment.created`, `report.created`…; unknown kinds still show. */
  kind: string;
  group: { slug: string; name: string };
  thread: { id: string; title: string } | null;
  commentId: string | null;
  actor: { displayName: string } | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  notifications: AppNotification[];
  unreadCount: number;
  /** Pass as `before` for the next page; null on the last one. */
  nextBefore: string | null;
}
