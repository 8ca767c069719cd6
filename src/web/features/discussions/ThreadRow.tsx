import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuthorName, usePostTime, useThreadTitle } from './discussion-format.ts';
import { discussionPaths } from './discussion-paths.ts';
import type { ThreadView as Thread } from '../../../shared/api/discussions.schemas.ts';
import { ThreadBadges } from './ThreadBadges.tsx';

/** One line of the list: title (a link), who started it, replies, last activity. */
export function ThreadRow({ thread, headingLevel = 2 }: { thread: Thread; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const when = usePostTime();
  const authorName = useAuthorName();
  const title = useThreadTitle();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="thread-row" data-testid="thread-row">
      <Heading className="thread-row-title">
        <Link to={discussionPaths.thread(thread.id)} dir="auto">
          {title(thread)}
        </Link>
      </Heading>
      <ThreadBadges thread={thread} />
      <p className="thread-row-meta">
        {thread.author && <span>{t('discussions.by', { name: authorName(thread.author) })}</span>}
        <span>{t('discussions.replies', { count: thread.commentCount })}</span>
        <time dateTime={thread.lastActivityAt}>{t('discussions.lastActivity', { when: when(thread.lastActivityAt) })}</time>
      </p>
    </li>
  );
}
