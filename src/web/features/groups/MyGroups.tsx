import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { GroupCard } from './GroupCard.tsx';
import { useMyGroups } from './group-queries.ts';
import { continueStep, editStepPath } from './guide/guide-steps.ts';

export function MyGroups() {
  const { t } = useTranslation();
  const groups = useMyGroups(true);

  return (
    <section aria-labelledby="my-groups-title" className="section">
      <h2 id="my-groups-title">{t('home.myGroups')}</h2>
      {groups.isPending ? (
        <Loading />
      ) : groups.isError ? (
        <LoadError error={groups.error} onRetry={() => void groups.refetch()} />
      ) : groups.data.length === 0 ? (
        <div className="empty">
          <p>{t('home.myGroupsEmpty')}</p>
          <Link to="/groups/new" className="button">
            {t('nav.startGroup')}
          </Link>
        </div>
      ) : (
        <ul className="card-list">
          {groups.data.map((group) => (
            <li key={group.slug}>
              <GroupCard
                group={group}
                badges={
                  <>
                    <span className={`badge badge-${group.membership.role}`}>{t(`enums.role.${group.membership.role}`)}</span>
                    {group.status === 'draft' && (
                      <Link className="badge badge-draft" to={editStepPath(group.slug, continueStep(group))}>
                        {t('home.draft')}
                      </Link>
                    )}
                    {group.membership.status === 'pending' && <span className="badge badge-pending">{t('home.pending')}</span>}
                  </>
                }
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
