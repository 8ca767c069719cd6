import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import type { User } from '../../../shared/api/accounts.schemas.ts';
import { withNext } from './safe-next.ts';
import { useMe } from './session.ts';

/** Renders its children for a signed-in visitor; sends others to sign in, then back here. */
export function RequireSignIn({ children }: { children: (user: User) => ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={withNext('/signin', location.pathname + location.search)} replace />;
  return <>{children(me.data)}</>;
}
