import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import type { Group } from '../../../shared/api/groups.schemas.ts';
import type { User } from '../../../shared/api/accounts.schemas.ts';
import { canModerateGroup } from '../moderation/moderation-access.ts';
import { moderationPaths } from '../moderation/moderation-paths.ts';
import { discussionPaths } from './discussion-paths.ts';
import { useLatestThreads } from './discussion-queries.ts';
import { ThreadRow } from './ThreadRow.tsx';
import './discussions.css';

const LATEST = 3;

/** The group page's window on its discussions (members only): the latest threads and the way in. */
export function DiscussionsSection({ group, user }: { group: Group; user: User }) {
  const { t } = useTranslation();
  const threads = useLatestThreads(group.slug, LATEST);
  const latest = threads.data ?? [];

  return (
    <section className="section" aria-labelledby="discussions-title" data-testid="group-discussions" aria-busy={threads.isFetching}>
      <h2 id="discussions-title">{t('discussions.section.title')}</h2>
      <div className="section-actions">
        <Link className="button" to={discussionPaths.create(group.slug)}>
          {t('discussions.start')}
        </Link>
        <Link className="button button-secondary" to={discussionPaths.list(group.slug)}>
          {t('discussions.section.open')}
        </Link>
        {canModerateGroup(group, user) && (
          <Link className="button button-secondary" to={moderationPaths.group(group.slug)}>
            {t('moderation.title')}
          </Link>
        )}
      </div>
      {threads.isPending ? (
        <Loading />
      ) : threads.isError ? (
        <LoadError error={threads.error} onRetry={() => void threads.refetch()} />
      ) : latest.length === 0 ? (
        <p className="empty">{t('discussions.empty')}</p>
      ) : (
        <ul className="thread-list" aria-label={t('discussions.section.latest')}>
          {latest.map((thread) => (
            <ThreadRow key={thread.id} thread={thread} headingLevel={3} />
          ))}
        </ul>
      )}
    </section>
  );
}
