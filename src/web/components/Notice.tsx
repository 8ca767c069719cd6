import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { readNotice } from './notice.ts';

/** Shows the confirmation the previous page left (signed out, group published…). */
export function Notice() {
  const { t } = useTranslation();
  const location = useLocation();
  const notice = readNotice(location.state);
  if (!notice) return null;
  return (
    <p className="notice" role="status">
      {t(`notices.${notice.notice}`, notice.params ?? {})}
    </p>
  );
}
