import { useTranslation } from 'react-i18next';
import { useWhen } from '../sessions/session-format.ts';
import type { Author as PostAuthor, ThreadView as Thread } from '../../../shared/api/discussions.schemas.ts';

/** Post times on the viewer's own clock, in the interface language. */
export function usePostTime() {
  const format = useWhen();
  return (iso: string) => format.full(iso, format.viewerZone);
}

/** An author's name, or a neutral word for an erased account. */
export function useAuthorName() {
  const { t } = useTranslation();
  return (author: PostAuthor | null) => author?.displayName ?? t('discussions.someone');
}

/** The server blanks the title of a deleted thread, and of a hidden one for members. */
export function useThreadTitle() {
  const { t } = useTranslation();
  return (thread: Thread) => thread.title || (thread.deleted ? t('discussions.deletedTitle') : t('discussions.hiddenTitle'));
}
