import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { NOTIFICATIONS_PATH } from '../discussions/discussion-paths.ts';
import { useUnreadCount } from './notification-queries.ts';
import '../discussions/discussions.css';

/**
 * The header's link to the notifications, with the unread count: read out as
 * "Notifications, 3 unread", shown as a small badge.
 */
export function NotificationsLink() {
  const { t } = useTranslation();
  const unread = useUnreadCount(true);
  const count = unread.data ?? 0;
  return (
    <NavLink to={NOTIFICATIONS_PATH} data-testid="notifications-link">
      {count > 0 ? (
        <>
          <span aria-hidden="true">{t('discussions.notifications.nav')}</span>
          <span className="nav-count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
          <span className="visually-hidden">{t('discussions.notifications.navUnread', { count })}</span>
        </>
      ) : (
        t('discussions.notifications.nav')
      )}
    </NavLink>
  );
}
