import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import type { User } from '../../../shared/api/accounts.schemas.ts';
import type { Group } from '../../../shared/api/groups.schemas.ts';
import { isLeaderOf } from '../groups/GroupGate.tsx';
import { OccurrenceList } from './OccurrenceList.tsx';
import { MY_SESSIONS_PATH, newSessionPath, programmePaths } from './session-paths.ts';
import { calendarLinks, useGroupOccurrences } from './session-queries.ts';
import './sessions.css';

const SHOWN = 8;

/** The group page's next sessions, on the viewer's clock; leaders schedule from here. */
export function UpcomingSessions({ group, user }: { group: Group; user: User | null }) {
  const { t } = useTranslation();
  const occurrences = useGroupOccurrences(group.slug);
  const isLeader = isLeaderOf(group);
  const shown = occurrences.data?.slice(0, SHOWN) ?? [];

  return (
    <section className="section" aria-labelledby="sessions-title" data-testid="upcoming-sessions" aria-busy={occurrences.isFetching}>
      <h2 id="sessions-title">{t('sessions.upcoming.title')}</h2>
      {isLeader && (
        <div className="section-actions">
          <Link className="button" to={newSessionPath(group.slug)}>
            {t('sessions.upcoming.schedule')}
          </Link>
          <Link className="button button-secondary" to={programmePaths.list(group.slug)}>
            {t('programmes.title')}
          </Link>
        </div>
      )}
      {occurrences.isPending ? (
        <Loading />
      ) : occurrences.isError ? (
        <LoadError error={occurrences.error} onRetry={() => void occurrences.refetch()} />
      ) : shown.length === 0 ? (
        <p className="empty">{isLeader ? t('sessions.upcoming.emptyLeader') : t('sessions.upcoming.empty')}</p>
      ) : (
        <>
          <OccurrenceList occurrences={shown} />
          {occurrences.data.length > SHOWN && <p className="muted">{t('sessions.upcoming.more', { count: SHOWN })}</p>}
        </>
      )}
      <p className="section-actions">
        {user && (
          <Link className="link-button" to={MY_SESSIONS_PATH}>
            {t('sessions.upcoming.mine')}
          </Link>
        )}
        {group.visibility === 'public' && (
          <a className="link-button" href={calendarLinks.group(group.slug)} download>
            {t('sessions.calendar.group')}
          </a>
        )}
      </p>
    </section>
  );
}
