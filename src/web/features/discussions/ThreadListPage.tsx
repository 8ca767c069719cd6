import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../../components/PageHeading.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { RequireSignIn } from '../accounts/RequireSignIn.tsx';
import { groupPath } from '../groups/group-labels.ts';
import type { Group } from '../../../shared/api/groups.schemas.ts';
import { GroupGate } from '../groups/GroupGate.tsx';
import { discussionPaths } from './discussion-paths.ts';
import { useThreads } from './discussion-queries.ts';
import { ThreadRow } from './ThreadRow.tsx';
import './discussions.css';

function ThreadList({ group }: { group: Group }) {
  const { t } = useTranslation();
  const threads = useThreads(group.slug);
  const items = threads.data?.pages.flatMap((page) => page.threads) ?? [];
  const title = t('discussions.title');
  return (
    <div className="reading discussions">
      <p className="eyebrow">
        <Link to={groupPath(group.slug)}>{group.name}</Link>
      </p>
      <PageHeading title={`${title} — ${group.name}`}>{title}</PageHeading>
      <p className="lead">{t('discussions.intro')}</p>
      <p className="section-actions">
        <Link className="button" to={discussionPaths.create(group.slug)}>
          {t('discussions.start')}
        </Link>
      </p>
      <div aria-busy={threads.isFetching} data-testid="threads">
        {threads.isPending ? (
          <Loading />
        ) : threads.isError ? (
          <LoadError error={threads.error} onRetry={() => void threads.refetch()} />
        ) : items.length === 0 ? (
          <p className="empty">{t('discussions.empty')}</p>
        ) : (
          <>
            <ul className="thread-list" data-testid="thread-list">
              {items.map((thread) => (
                <ThreadRow key={thread.id} thread={thread} />
              ))}
            </ul>
            {threads.hasNextPage && (
              <p>
                <button type="button" className="button button-secondary" disabled={threads.isFetchingNextPage} onClick={() => void threads.fetchNextPage()}>
                  {t('discussions.showMore')}
                </button>
              </p>
            )}
          </>
        )}
      </div>
    </div>
  );
}

/** `/groups/:slug/discussions`: the group's threads, most recent activity first. */
export function ThreadListPage() {
  const { slug = '' } = useParams();
  return (
    <RequireSignIn>
      {() => (
        <GroupGate role="member" slug={slug}>
          {(group) => <ThreadList group={group} />}
        </GroupGate>
      )}
    </RequireSignIn>
  );
}
