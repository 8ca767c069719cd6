import { useTranslation } from 'react-i18next';
import type { ThreadView as Thread } from '../../../shared/api/discussions.schemas.ts';

/** Locked, hidden, deleted, recap: said in words, never by colour alone. */
export function ThreadBadges({ thread }: { thread: Thread }) {
  const { t } = useTranslation();
  const badges = [
    thread.session && { key: 'recap', label: t('discussions.badges.recap'), className: 'badge' },
    thread.locked && { key: 'locked', label: t('discussions.badges.locked'), className: 'badge badge-locked' },
    thread.hidden && { key: 'hidden', label: t('discussions.badges.hidden'), className: 'badge badge-hidden' },
    thread.deleted && { key: 'deleted', label: t('discussions.badges.deleted'), className: 'badge badge-hidden' },
  ].filter((b) => b !== null && b !== false);
  if (badges.length === 0) return null;
  return (
    <p className="badges">
      {badges.map((b) => (
        <span key={b.key} className={b.className}>
          {b.label}
        </span>
      ))}
    </p>
  );
}
