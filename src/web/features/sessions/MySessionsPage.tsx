import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { RequireSignIn } from '../accounts/RequireSignIn.tsx';
import { OccurrenceList } from './OccurrenceList.tsx';
import { zoneCity } from '../../../shared/datetime-format.ts';
import { useViewerZone } from './session-format.ts';
import { useMySessions } from './session-queries.ts';
import './sessions.css';

function MySessions() {
  const { t } = useTranslation();
  const sessions = useMySessions();
  const zone = useViewerZone();
  const [onlyGoing, setOnlyGoing] = useState(false);
  const list = (sessions.data ?? []).filter((o) => !onlyGoing || o.myRsvp === 'going' || o.myRsvp === 'waitlisted');

  return (
    <>
      <p className="lead">{t('sessions.mine.intro', { city: zoneCity(zone) })}</p>
      <p>
        <Link to="/settings">{t('sessions.mine.zoneLink')}</Link>
      </p>
      <div className="section" data-testid="my-sessions" aria-busy={sessions.isFetching}>
        <div className="field">
          <div className="choice">
            <input type="checkbox" id="only-going" checked={onlyGoing} onChange={(e) => setOnlyGoing(e.target.checked)} />
            <label htmlFor="only-going">{t('sessions.mine.onlyGoing')}</label>
          </div>
        </div>
        {sessions.isPending ? (
          <Loading />
        ) : sessions.isError ? (
          <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />
        ) : list.length === 0 ? (
          <div className="empty">
            <p>{onlyGoing ? t('sessions.mine.emptyGoing') : t('sessions.mine.empty')}</p>
            <Link to="/" className="button button-secondary">
              {t('nav.myGroups')}
            </Link>
          </div>
        ) : (
          <OccurrenceList occurrences={list} showGroup />
        )}
      </div>
    </>
  );
}

/** `/me/sessions`: every coming session of every group one belongs to, on one's own clock. */
export function MySessionsPage() {
  const { t } = useTranslation();
  return (
    <div className="reading">
      <PageHeading title={t('sessions.mine.title')}>{t('sessions.mine.title')}</PageHeading>
      <RequireSignIn>{() => <MySessions />}</RequireSignIn>
    </div>
  );
}
