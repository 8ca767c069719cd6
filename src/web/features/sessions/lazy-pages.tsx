import { lazy, Suspense } from 'react';
import { Loading } from '../../components/QueryStates.tsx';

/*
 * The leaders' forms (and the time-zone arithmetic behind them) load when a leader opens
 * one: members, who are most visitors, never download them.
 */
const ScheduleSession = lazy(() => import('./ScheduleSessionPage.tsx').then((m) => ({ default: m.ScheduleSessionPage })));
const EditSession = lazy(() => import('./EditSessionPage.tsx').then((m) => ({ default: m.EditSessionPage })));
const ProgrammeEditor = lazy(() => import('./ProgrammeEditorPage.tsx').then((m) => ({ default: m.ProgrammeEditorPage })));
const ScheduleProgramme = lazy(() => import('./ScheduleProgrammePage.tsx').then((m) => ({ default: m.ScheduleProgrammePage })));

export function ScheduleSessionRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <ScheduleSession />
    </Suspense>
  );
}

export function EditSessionRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <EditSession />
    </Suspense>
  );
}

export function ProgrammeEditorRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <ProgrammeEditor />
    </Suspense>
  );
}

export function ScheduleProgrammeRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <ScheduleProgramme />
    </Suspense>
  );
}
