import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { readNotice, type NoticeState } from './notice.ts';

type Shown = NoticeState & { pathname: string };

function arrivedAt(state: unknown, pathname: string): Shown | null {
  const notice = readNotice(state);
  return notice ? { ...notice, pathname } : null;
}

/**
 * Shows the confirmation the previous page left (signed out, group published…). It is
 * taken out of the history entry once shown, so reloading or coming back later does not
 * announce it again; it stays on screen until the visitor moves to another page.
 */
export function Notice() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { state, key, pathname, search, hash } = useLocation();
  const [shown, setShown] = useState<Shown | null>(() => arrivedAt(state, pathname));
  const [seenKey, setSeenKey] = useState(key);

  // A new history entry: take its notice, or keep ours only if we are still on that page.
  if (key !== seenKey) {
    setSeenKey(key);
    setShown(arrivedAt(state, pathname) ?? (shown?.pathname === pathname ? shown : null));
  }

  useEffect(() => {
    if (readNotice(state)) void navigate(`${pathname}${search}${hash}`, { replace: true, state: null });
  }, [state, pathname, search, hash, navigate]);

  const notice = shown?.pathname === pathname ? shown : null;
  if (!notice) return null;
  return (
    <p className="notice" role="status">
      {t(`notices.${notice.notice}`, { name: '', ...notice.params })}
    </p>
  );
}
