import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { DIRECTORY_PATH } from '../directory/directory-paths.ts';
import { GroupCard } from './GroupCard.tsx';
import { usePublicGroups } from './group-queries.ts';

export function PublicGroups() {
  const { t } = useTranslation();
  const groups = usePublicGroups();
  const list = groups.data?.pages.flatMap((page) => page.groups) ?? [];
  const total = groups.data?.pages[0]?.total ?? 0;

  return (
    <section aria-labelledby="public-groups-title" className="section" aria-busy={groups.isFetching}>
      <h2 id="public-groups-title">{t('home.publicGroups')}</h2>
      {groups.isPending ? (
        <Loading />
      ) : groups.isError ? (
        <LoadError error={groups.error} onRetry={() => void groups.refetch()} />
      ) : list.length === 0 ? (
        <div className="empty">
          <p>{t('home.publicGroupsEmpty')}</p>
          <Link to="/groups/new" className="button">
            {t('nav.startGroup')}
          </Link>
        </div>
      ) : (
        <>
          <p className="muted">{t('home.publicCount', { count: total })}</p>
          <ul className="card-list">
            {list.map((group) => (
              <li key={group.slug}>
                <GroupCard group={group} />
              </li>
            ))}
          </ul>
          {groups.hasNextPage && (
            <button type="button" className="button button-secondary" disabled={groups.isFetchingNextPage} onClick={() => void groups.fetchNextPage()}>
              {t('home.showMore')}
            </button>
          )}
          <p>
            <Link to={DIRECTORY_PATH}>{t('directory.home.seeAll')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
