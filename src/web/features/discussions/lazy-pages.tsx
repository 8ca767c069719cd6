import { lazy, Suspense } from 'react';
import { Loading } from '../../components/QueryStates.tsx';

/* The discussion pages load when someone opens them. */
const ThreadList = lazy(() => import('./ThreadListPage.tsx').then((m) => ({ default: m.ThreadListPage })));
const NewThread = lazy(() => import('./NewThreadPage.tsx').then((m) => ({ default: m.NewThreadPage })));
const Thread = lazy(() => import('./ThreadPage.tsx').then((m) => ({ default: m.ThreadPage })));
const Unsubscribe = lazy(() => import('./UnsubscribePage.tsx').then((m) => ({ default: m.UnsubscribePage })));
const Notifications = lazy(() => import('../notifications/NotificationsPage.tsx').then((m) => ({ default: m.NotificationsPage })));

export function ThreadListRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <ThreadList />
    </Suspense>
  );
}

export function NewThreadRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <NewThread />
    </Suspense>
  );
}

export function ThreadRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <Thread />
    </Suspense>
  );
}

export function NotificationsRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <Notifications />
    </Suspense>
  );
}

export function UnsubscribeRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <Unsubscribe />
    </Suspense>
  );
}
