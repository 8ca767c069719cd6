import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { useMembers } from '../memberships/membership-queries.ts';
import { useRecordAttendance } from './session-queries.ts';
import type { OccurrenceDetailResponse as OccurrenceDetail, Person } from '../../../shared/api/sessions.schemas.ts';

function People({ people, empty, testId, ordered = false }: { people: Person[]; empty: string; testId: string; ordered?: boolean }) {
  if (people.length === 0) return <p className="muted">{empty}</p>;
  const items = people.map((p) => (
    <li key={p.userId}>
      <span className="person-name">{p.displayName}</span>
    </li>
  ));
  return ordered ? (
    <ol className="people" data-testid={testId}>
      {items}
    </ol>
  ) : (
    <ul className="people" data-testid={testId}>
      {items}
    </ul>
  );
}

/** Ticks for who was there; those who said they would come are listed first. */
function AttendanceForm({ detail, slug }: { detail: OccurrenceDetail; slug: string }) {
  const { t } = useTranslation();
  const members = useMembers(slug, true);
  const record = useRecordAttendance(detail.occurrence.sessionId);
  const [present, setPresent] = useState<string[]>(() => (detail.attendance ?? []).map((p) => p.userId));
  const [saved, setSaved] = useState(false);
  const goingIds = new Set((detail.going ?? []).map((p) => p.userId));

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    record.mutate({ occurrenceStart: detail.occurrence.startsAt, present }, { onSuccess: () => setSaved(true) });
  }

  if (members.isPending) return <Loading />;
  if (members.isError) return <LoadError error={members.error} onRetry={() => void members.refetch()} />;
  const sorted = [...members.data].sort(
    (a, b) => Number(goingIds.has(b.userId)) - Number(goingIds.has(a.userId)) || a.displayName.localeCompare(b.displayName),
  );

  return (
    <form onSubmit={submit} noValidate className="form" data-testid="attendance-form">
      <fieldset className="choices attendance-list" aria-describedby="attendance-hint">
        <legend>{t('sessions.people.attendance')}</legend>
        <p id="attendance-hint" className="hint">
          {t('sessions.people.attendanceHint')}
        </p>
        {sorted.map((m) => {
          const id = `present-${m.userId}`;
          return (
            <div className="choice" key={m.userId}>
              <input
                type="checkbox"
                id={id}
                checked={present.includes(m.userId)}
                onChange={(e) => {
                  setSaved(false);
                  setPresent((list) => (e.target.checked ? [...list, m.userId] : list.filter((x) => x !== m.userId)));
                }}
                aria-describedby={goingIds.has(m.userId) ? `${id}-going` : undefined}
              />
              <label htmlFor={id}>{m.displayName}</label>
              {goingIds.has(m.userId) && (
                <p id={`${id}-going`} className="choice-help">
                  {t('sessions.people.saidGoing')}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
      {record.isError && (
        <p className="error-inline" role="alert">
          {record.error.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-secondary" disabled={record.isPending}>
          {t('sessions.people.saveAttendance')}
        </button>
      </div>
      <p role="status">{saved ? t('sessions.people.attendanceSaved', { count: present.length }) : ''}</p>
    </form>
  );
}

/** Leaders: who is coming, who waits (in order), and who came. */
export function LeaderPeople({ detail, slug }: { detail: OccurrenceDetail; slug: string }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="people-title" data-testid="leader-people">
      <h2 id="people-title">{t('sessions.people.title')}</h2>
      <h3>{t('sessions.people.going', { count: detail.going?.length ?? 0 })}</h3>
      <People people={detail.going ?? []} empty={t('sessions.people.noneGoing')} testId="going-list" />
      {detail.occurrence.capacity != null && (
        <>
          <h3>{t('sessions.people.waitlist', { count: detail.waitlist?.length ?? 0 })}</h3>
          <People people={detail.waitlist ?? []} empty={t('sessions.people.noneWaiting')} testId="waitlist" ordered />
        </>
      )}
      {detail.occurrence.status !== 'cancelled' && (
        <AttendanceForm key={(detail.attendance ?? []).map((p) => p.userId).join(',')} detail={detail} slug={slug} />
      )}
    </section>
  );
}
