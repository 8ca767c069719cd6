import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { RequireSignIn } from '../accounts/RequireSignIn.tsx';
import { usePostTime } from '../discussions/discussion-format.ts';
import { discussionPaths } from '../discussions/discussion-paths.ts';
import { groupPath } from '../groups/group-labels.ts';
import { moderationPaths } from '../moderation/moderation-paths.ts';
import { useMarkRead, useNotifications } from './notification-queries.ts';
import type { NotificationView as AppNotification } from '../../../shared/api/notifications.schemas.ts';
import '../discussions/discussions.css';

/** Where a notification leads: the reply, the thread, the queue, or the group. */
function destination(n: AppNotification): string {
  if (n.kind === 'report.created') return moderationPaths.group(n.group.slug);
  if (n.thread && n.commentId) return discussionPaths.comment(n.thread.id, n.commentId);
  if (n.thread) return discussionPaths.thread(n.thread.id);
  return groupPath(n.group.slug);
}

function useSentence() {
  const { t } = useTranslation();
  return (n: AppNotification): string => {
    const actor = n.actor?.displayName ?? t('discussions.notifications.someone');
    const title = n.thread?.title ?? '';
    if (n.kind === 'thread.created' && n.thread) return t('discussions.notifications.kinds.threadCreated', { actor, title });
    if (n.kind === 'comment.created' && n.thread) return t('discussions.notifications.kinds.commentCreated', { actor, title });
    if (n.kind === 'report.created') return t('discussions.notifications.kinds.reportCreated');
    return t('discussions.notifications.kinds.other');
  };
}

function NotificationItem({ notification, onOpen }: { notification: AppNotification; onOpen: () => void }) {
  const { t } = useTranslation();
  const when = usePostTime();
  const sentence = useSentence();
  const unread = notification.readAt === null;
  return (
    <li className={unread ? 'notification notification-unread' : 'notification'} data-testid="notification" data-unread={unread}>
      <p className="notification-text">
        <Link to={destination(notification)} onClick={unread ? onOpen : undefined} dir="auto">
          {sentence(notification)}
        </Link>
        {unread && <span className="badge badge-new">{t('discussions.notifications.unreadBadge')}</span>}
      </p>
      <p className="notification-meta">
        <span>{t('discussions.notifications.inGroup', { group: notification.group.name })}</span>
        <time dateTime={notification.createdAt}>{when(notification.createdAt)}</time>
      </p>
    </li>
  );
}

function Notifications() {
  const { t } = useTranslation();
  const list = useNotifications();
  const markRead = useMarkRead();
  const [allRead, setAllRead] = useState(false);

  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const notifications = list.data.pages.flatMap((page) => page.notifications);
  const unreadCount = list.data.pages[0]?.unreadCount ?? 0;
  return (
    <>
      <div className="section-actions">
        <p className="muted notification-count">{t('discussions.notifications.unread', { count: unreadCount })}</p>
        {unreadCount > 0 && (
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={markRead.isPending}
            onClick={() => markRead.mutate({ all: true }, { onSuccess: () => setAllRead(true) })}
          >
            {t('discussions.notifications.markAllRead')}
          </button>
        )}
      </div>
      <div role="status">{allRead && <p className="notice">{t('discussions.notifications.markedAllRead')}</p>}</div>
      {markRead.error && (
        <p className="error-inline" role="alert">
          {markRead.error.message}
        </p>
      )}
      {notifications.length === 0 ? (
        <p className="empty">{t('discussions.notifications.empty')}</p>
      ) : (
        <>
          <ul className="notification-list" data-testid="notifications" aria-busy={list.isFetching}>
            {notifications.map((n) => (
              <NotificationItem key={n.id} notification={n} onOpen={() => markRead.mutate({ ids: [n.id] })} />
            ))}
          </ul>
          {list.hasNextPage && (
            <p>
              <button type="button" className="button button-secondary" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t('discussions.notifications.showMore')}
              </button>
            </p>
          )}
        </>
      )}
    </>
  );
}

/** `/me/notifications`: new threads and replies in my groups, newest first. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const title = t('discussions.notifications.title');
  return (
    <RequireSignIn>
      {() => (
        <div className="reading">
          <PageHeading title={title}>{title}</PageHeading>
          <p className="lead">{t('discussions.notifications.intro')}</p>
          <Notifications />
        </div>
      )}
    </RequireSignIn>
  );
}
