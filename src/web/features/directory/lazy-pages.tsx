import { lazy, Suspense } from 'react';
import { Loading } from '../../components/QueryStates.tsx';

/* The directory and the admin's feed import load when someone opens them. */
const Directory = lazy(() => import('./DirectoryPage.tsx').then((m) => ({ default: m.DirectoryPage })));
const Import = lazy(() => import('../admin/ImportPage.tsx').then((m) => ({ default: m.ImportPage })));

export function DirectoryRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <Directory />
    </Suspense>
  );
}

export function ImportRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <Import />
    </Suspense>
  );
}
