import { lazy, Suspense } from 'react';
import { Loading } from '../../components/QueryStates.tsx';

/* The availability form and the leaders' time finder load when someone opens them. */
const Availability = lazy(() => import('./AvailabilityPage.tsx').then((m) => ({ default: m.AvailabilityPage })));
const Polls = lazy(() => import('./PollsPage.tsx').then((m) => ({ default: m.PollsPage })));
const TimeFinder = lazy(() => import('./TimeFinderPage.tsx').then((m) => ({ default: m.TimeFinderPage })));

export function AvailabilityRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <Availability />
    </Suspense>
  );
}

export function TimeFinderRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <TimeFinder />
    </Suspense>
  );
}

export function PollsRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <Polls />
    </Suspense>
  );
}
