import { lazy, Suspense } from 'react';
import { Loading } from '../../components/QueryStates.tsx';

/* Moderation loads only for the leaders and moderators who open it. */
const GroupModeration = lazy(() => import('./GroupModerationPage.tsx').then((m) => ({ default: m.GroupModerationPage })));
const PlatformModeration = lazy(() => import('./PlatformModerationPage.tsx').then((m) => ({ default: m.PlatformModerationPage })));

export function GroupModerationRoute({ view }: { view: 'reports' | 'bans' | 'log' }) {
  return (
    <Suspense fallback={<Loading />}>
      <GroupModeration view={view} />
    </Suspense>
  );
}

export function PlatformModerationRoute({ view }: { view: 'reports' | 'log' }) {
  return (
    <Suspense fallback={<Loading />}>
      <PlatformModeration view={view} />
    </Suspense>
  );
}
