import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { groupPath } from '../groups/group-labels.ts';
import { useWhen } from './session-format.ts';
import { occurrencePath } from './session-paths.ts';
import type { OccurrenceOut as Occurrence, RsvpStatus } from '../../../shared/api/sessions.schemas.ts';
import './sessions.css';

/** "2 places left", "Full · 3 on the wait-list", "4 going" (no limit). */
export function placesText(t: TFunction, o: { capacity: number | null; going: number; waitlisted: number }, withWaitlist = true): string {
  if (o.capacity == null) return t('sessions.places.noLimit', { count: o.going });
  const left = Math.max(0, o.capacity - o.going);
  if (left > 0) return t('sessions.places.left', { count: left });
  return withWaitlist && o.waitlisted > 0 ? t('sessions.places.fullWaitlist', { count: o.waitlisted }) : t('sessions.places.full');
}

function RsvpBadge({ status }: { status: RsvpStatus | null | undefined }) {
  const { t } = useTranslation();
  if (status === 'going') return <span className="badge badge-going">{t('sessions.rsvp.badgeGoing')}</span>;
  if (status === 'waitlisted') return <span className="badge badge-waitlisted">{t('sessions.rsvp.badgeWaitlisted')}</span>;
  if (status === 'not-going') return <span className="badge">{t('sessions.rsvp.badgeNotGoing')}</span>;
  return null;
}

/**
 * Occurrences as cards: title, time on the session's clock with the viewer's beside it,
 * how it is held and how many places are left. Cancelled ones are struck through and say
 * so; moved ones say when they were first planned.
 */
export function OccurrenceList({ occurrences, showGroup = false, showTitle = true }: { occurrences: Occurrence[]; showGroup?: boolean; showTitle?: boolean }) {
  const { t } = useTranslation();
  const format = useWhen();
  return (
    <ul className="occurrence-list" data-testid="occurrence-list">
      {occurrences.map((o) => {
        const cancelled = o.status === 'cancelled';
        return (
          <li key={`${o.sessionId}|${o.startsAt}`} className={`occurrence occurrence-${o.status}`} data-testid="occurrence-row" data-status={o.status}>
            <div className="occurrence-main">
              {showTitle ? (
                <>
                  <p className="occurrence-title">
                    <Link to={occurrencePath(o.sessionId, o.startsAt)}>{o.title}</Link>
                  </p>
                  <p className="occurrence-when">
                    <time dateTime={o.startsAt}>{format.when(o.startsAt, o.timeZone)}</time>
                  </p>
                </>
              ) : (
                // Every card is the same session: its date is what tells them apart.
                <p className="occurrence-when occurrence-title">
                  <Link to={occurrencePath(o.sessionId, o.startsAt)}>
                    <time dateTime={o.startsAt}>{format.when(o.startsAt, o.timeZone)}</time>
                  </Link>
                </p>
              )}
              {o.status === 'moved' && o.originalStartsAt && (
                <p className="moved-from">{t('sessions.movedFrom', { when: format.when(o.originalStartsAt, o.timeZone) })}</p>
              )}
              <p className="occurrence-meta">
                {showGroup && (
                  <>
                    <Link to={groupPath(o.groupSlug)}>{o.groupName}</Link>
                    {' · '}
                  </>
                )}
                {t(`sessions.modes.${o.mode}`)}
                {!cancelled && <> · {placesText(t, o)}</>}
              </p>
            </div>
            <div className="badges">
              {cancelled && <span className="badge badge-cancelled">{t('sessions.status.cancelled')}</span>}
              {o.status === 'moved' && <span className="badge badge-moved">{t('sessions.status.moved')}</span>}
              {!cancelled && <RsvpBadge status={o.myRsvp} />}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
