import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { withNext } from '../accounts/safe-next.ts';
import { groupPath } from '../groups/group-labels.ts';
import { placesText } from './OccurrenceList.tsx';
import { sessionKeys, useRsvp } from './session-queries.ts';
import type { OccurrenceDetailResponse as OccurrenceDetail, RsvpStatus } from '../../../shared/api/sessions.schemas.ts';

type Viewer = 'member' | 'visitor' | 'signedOut';

function statusKey(status: RsvpStatus | null) {
  if (status === 'going') return 'sessions.rsvp.going' as const;
  if (status === 'waitlisted') return 'sessions.rsvp.waitlisted' as const;
  if (status === 'not-going') return 'sessions.rsvp.notGoing' as const;
  return 'sessions.rsvp.none' as const;
}

/**
 * "I'm going" / "I can't come" for one occurrence, what that gave (going, on the wait-list,
 * not going), the places left and how many wait. A full session puts "going" on the
 * wait-list; a place that frees goes to the first waiting, who sees "going" next time.
 */
export function RsvpPanel({ detail, viewer, slug, past }: { detail: OccurrenceDetail; viewer: Viewer; slug: string; past: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const location = useLocation();
  const { occurrence } = detail;
  const rsvp = useRsvp(occurrence.sessionId);
  const cancelled = occurrence.status === 'cancelled';
  const status = detail.myRsvp;

  function answer(wanted: 'going' | 'not-going') {
    rsvp.mutate(
      { occurrenceStart: occurrence.startsAt, status: wanted },
      {
        // Say it at once; the refetch started by the mutation brings the new counts.
        onSuccess: (result) =>
          queryClient.setQueryData<OccurrenceDetail>(sessionKeys.occurrence(occurrence.sessionId, occurrence.startsAt), (d) =>
            d ? { ...d, myRsvp: result } : d,
          ),
      },
    );
  }

  let body;
  if (cancelled) {
    body = <p className="status-line">{t('sessions.rsvp.cancelled')}</p>;
  } else if (past) {
    body = <p className="status-line">{t('sessions.rsvp.past')}</p>;
  } else if (viewer === 'signedOut') {
    body = (
      <>
        <p>{t('sessions.rsvp.signedOut')}</p>
        <div className="actions">
          <Link className="button" to={withNext('/signin', location.pathname + location.search)}>
            {t('nav.signIn')}
          </Link>
        </div>
      </>
    );
  } else if (viewer === 'visitor') {
    body = (
      <>
        <p>{t('sessions.rsvp.notMember')}</p>
        <div className="actions">
          <Link className="button button-secondary" to={groupPath(slug)}>
            {t('sessions.rsvp.toGroup')}
          </Link>
        </div>
      </>
    );
  } else {
    const coming = status === 'going' || status === 'waitlisted';
    body = (
      <>
        <p className="status-line" data-testid="rsvp-status" role="status">
          {t(statusKey(status))}
        </p>
        <div className="actions">
          <button
            type="button"
            className={coming ? 'button' : 'button button-secondary'}
            aria-pressed={coming}
            disabled={rsvp.isPending}
            onClick={() => answer('going')}
          >
            {t('sessions.rsvp.imGoing')}
          </button>
          <button
            type="button"
            className={status === 'not-going' ? 'button' : 'button button-secondary'}
            aria-pressed={status === 'not-going'}
            disabled={rsvp.isPending}
            onClick={() => answer('not-going')}
          >
            {t('sessions.rsvp.cantCome')}
          </button>
        </div>
        {rsvp.isError && (
          <p className="error-inline" role="alert">
            {rsvp.error.message}
          </p>
        )}
      </>
    );
  }

  return (
    <section className="rsvp-panel" aria-labelledby="rsvp-title" data-testid="rsvp-panel">
      <h2 id="rsvp-title">{t('sessions.rsvp.title')}</h2>
      {body}
      {!cancelled && (
        <ul className="rsvp-counts">
          <li data-testid="places-left">{placesText(t, occurrence, false)}</li>
          {occurrence.capacity != null && <li data-testid="waitlist-count">{t('sessions.places.waitlist', { count: occurrence.waitlisted })}</li>}
        </ul>
      )}
    </section>
  );
}
