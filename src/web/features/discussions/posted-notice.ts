import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * Router state carrying "your thread is posted" to the new thread's page. (The app-wide
 * Notice reads only the main catalogue's notices; this feature keeps its strings beside it.)
 */
export const POSTED_STATE = { threadPosted: true } as const;

/**
 * True on arriving from the new-thread form. The flag is taken out of the history entry at
 * once, so that reloading or coming back later does not announce it again.
 */
export function useArrivedPosted(): boolean {
  const location = useLocation();
  const navigate = useNavigate();
  const arrived = (location.state as { threadPosted?: unknown } | null)?.threadPosted === true;
  const [posted] = useState(arrived);
  useEffect(() => {
    if (arrived) void navigate(`${location.pathname}${location.search}${location.hash}`, { replace: true, state: null });
  }, [arrived, navigate, location.pathname, location.search, location.hash]);
  return posted;
}
