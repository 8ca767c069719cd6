import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatInstant } from '../../../shared/datetime-format.ts';
import { isApiError } from '../../api/client.ts';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import type { User } from '../../../shared/api/accounts.schemas.ts';
import type { Group } from '../../../shared/api/groups.schemas.ts';
import type { OccurrenceDetailResponse as OccurrenceDetail, SessionOut as Session } from '../../../shared/api/sessions.schemas.ts';
import { useMe } from '../accounts/session.ts';
import { RecapComments } from '../discussions/RecapComments.tsx';
import { groupPath } from '../groups/group-labels.ts';
import { useGroup } from '../groups/group-queries.ts';
import { isActiveMember, isLeaderOf } from '../groups/GroupGate.tsx';
import { LeaderPeople } from './LeaderPeople.tsx';
import { ManageOccurrence, SessionTools } from './ManageSession.tsx';
import { OccurrenceList } from './OccurrenceList.tsx';
import { RecapSection } from './RecapSection.tsx';
import { parseRule } from './repeat-rule.ts';
import { useRepeatSummary } from './repeat-summary.ts';
import { RsvpPanel } from './RsvpPanel.tsx';
import { SessionDetails } from './SessionDetails.tsx';
import { useWhen } from './session-format.ts';
import { sessionPath } from './session-paths.ts';
import { calendarLinks, useGroupOccurrences, useOccurrence, useSession } from './session-queries.ts';
import './sessions.css';

function CalendarLink({ session }: { session: Session }) {
  const { t } = useTranslation();
  return (
    <a className="link-button" href={calendarLinks.session(session.id)} download>
      {t('sessions.calendar.session')}
    </a>
  );
}

/** Waits for the group (membership decides what the page offers), then renders. */
function WithGroup({ slug, children }: { slug: string; children: (group: Group, user: User | null) => ReactNode }) {
  const group = useGroup(slug);
  const me = useMe();
  if (group.isPending || me.isPending) return <Loading />;
  if (group.isError) return <LoadError error={group.error} onRetry={() => void group.refetch()} />;
  return <>{children(group.data, me.data ?? null)}</>;
}

function OccurrenceView({ detail, group, user, fetchedAt }: { detail: OccurrenceDetail; group: Group; user: User | null; fetchedAt: number }) {
  const { t } = useTranslation();
  const format = useWhen();
  const { session, occurrence } = detail;
  const cancelled = occurrence.status === 'cancelled';
  const past = Date.parse(occurrence.endsAt) <= fetchedAt;
  const member = isActiveMember(group);
  const viewer = !user ? 'signedOut' : member ? 'member' : 'visitor';
  const day = formatInstant(Date.parse(occurrence.startsAt), format.locale, occurrence.timeZone, 'weekdayDate');

  return (
    <article className="session-page" data-testid="occurrence-page" data-status={occurrence.status}>
      <p className="eyebrow">
        <Link to={groupPath(session.groupSlug)}>{detail.groupName}</Link>
      </p>
      <PageHeading title={`${session.title} — ${day}`}>{session.title}</PageHeading>
      <p className={cancelled ? 'session-when session-when-cancelled' : 'session-when'} data-testid="session-when">
        <time dateTime={occurrence.startsAt}>{format.when(occurrence.startsAt, occurrence.timeZone)}</time>
      </p>
      {(cancelled || occurrence.status === 'moved') && (
        <p className="badges">
          {cancelled && <span className="badge badge-cancelled">{t('sessions.status.cancelled')}</span>}
          {occurrence.status === 'moved' && <span className="badge badge-moved">{t('sessions.status.moved')}</span>}
        </p>
      )}
      {occurrence.status === 'moved' && occurrence.originalStartsAt && (
        <p className="moved-from">{t('sessions.movedFrom', { when: format.when(occurrence.originalStartsAt, occurrence.timeZone) })}</p>
      )}
      {cancelled && <p className="callout callout-warning">{t('sessions.cancelledNote')}</p>}

      <RsvpPanel detail={detail} viewer={viewer} slug={session.groupSlug} past={past} />
      <SessionDetails session={session} isMember={member} />
      {detail.canManage && <LeaderPeople detail={detail} slug={session.groupSlug} />}
      {member && <RecapSection detail={detail} canWrite={detail.canManage} />}
      {member && user && detail.recap && <RecapComments sessionId={session.id} startsAt={occurrence.startsAt} group={group} user={user} />}
      {detail.canManage && <ManageOccurrence detail={detail} past={past} />}

      <p className="section-actions section">
        <Link className="link-button" to={sessionPath(session.id)}>
          {session.recurrence ? t('sessions.allDates') : t('sessions.aboutSession')}
        </Link>
        <CalendarLink session={session} />
      </p>
    </article>
  );
}

function OccurrencePage({ id, startsAt }: { id: string; startsAt: string }) {
  const { t } = useTranslation();
  const detail = useOccurrence(id, startsAt);
  if (detail.isPending) return <Loading />;
  if (detail.isError) {
    if (isApiError(detail.error, 404)) return <NotFoundPage title={t('sessions.notFoundTitle')} body={t('sessions.notFoundBody')} />;
    if (isApiError(detail.error, 400)) return <NoSuchDate id={id} />;
    return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  return (
    <WithGroup slug={detail.data.session.groupSlug}>
      {(group, user) => <OccurrenceView detail={detail.data} group={group} user={user} fetchedAt={detail.dataUpdatedAt} />}
    </WithGroup>
  );
}

function NoSuchDate({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <div className="reading">
      <PageHeading title={t('sessions.noDateTitle')}>{t('sessions.noDateTitle')}</PageHeading>
      <p>{t('sessions.noDateBody')}</p>
      <p>
        <Link className="button" to={sessionPath(id)}>
          {t('sessions.allDates')}
        </Link>
      </p>
    </div>
  );
}

function Overview({ session, group }: { session: Session; group: Group }) {
  const { t } = useTranslation();
  const summary = useRepeatSummary();
  const occurrences = useGroupOccurrences(session.groupSlug);
  const dates = (occurrences.data ?? []).filter((o) => o.sessionId === session.id).slice(0, 12);
  const leader = isLeaderOf(group);

  return (
    <article className="session-page" data-testid="session-overview">
      <p className="eyebrow">
        <Link to={groupPath(session.groupSlug)}>{group.name}</Link>
      </p>
      <PageHeading title={session.title}>{session.title}</PageHeading>
      <p className="session-when" data-testid="session-repeat">
        {summary(parseRule(session.recurrence, session.start.slice(0, 10)))}
      </p>

      <section className="section" aria-labelledby="dates-title">
        <h2 id="dates-title">{session.recurrence ? t('sessions.nextDates') : t('sessions.date')}</h2>
        {occurrences.isPending ? (
          <Loading />
        ) : occurrences.isError ? (
          <LoadError error={occurrences.error} onRetry={() => void occurrences.refetch()} />
        ) : dates.length === 0 ? (
          <p className="empty">{t('sessions.noComingDate')}</p>
        ) : (
          <OccurrenceList occurrences={dates} showTitle={false} />
        )}
      </section>

      <SessionDetails session={session} isMember={isActiveMember(group)} />

      {leader && (
        <section className="section panel manage-panel" aria-labelledby="manage-title">
          <h2 id="manage-title">{session.recurrence ? t('sessions.manage.series') : t('sessions.manage.session')}</h2>
          <p className="muted">{t('sessions.manage.overviewHint')}</p>
          <SessionTools session={session} />
        </section>
      )}
      <p className="section-actions section">
        <CalendarLink session={session} />
      </p>
    </article>
  );
}

function SessionOverview({ id }: { id: string }) {
  const { t } = useTranslation();
  const session = useSession(id);
  if (session.isPending) return <Loading />;
  if (session.isError) {
    if (isApiError(session.error, 404)) return <NotFoundPage title={t('sessions.notFoundTitle')} body={t('sessions.notFoundBody')} />;
    return <LoadError error={session.error} onRetry={() => void session.refetch()} />;
  }
  return <WithGroup slug={session.data.groupSlug}>{(group) => <Overview session={session.data} group={group} />}</WithGroup>;
}

/** An instant from the address bar, in the one spelling the cache uses; null when it is not one. */
function normalInstant(value: string): string | null {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * `/sessions/:id?occurrence=<startsAt>`: one occurrence (answer, details, recap; leaders
 * manage it). Without `occurrence`: the session, how it repeats and its next dates.
 */
export function SessionPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const raw = params.get('occurrence');
  if (raw === null) return <SessionOverview id={id} />;
  const startsAt = normalInstant(raw);
  if (!startsAt) return <NoSuchDate id={id} />;
  return <OccurrencePage key={`${id}|${startsAt}`} id={id} startsAt={startsAt} />;
}
