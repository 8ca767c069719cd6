import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { instantToLocal } from '../../../shared/zoned-time.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/Field.tsx';
import { fieldId, formErrors } from '../../components/form-errors.ts';
import { noticeState } from '../../components/notice.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { formatList } from '../../i18n/format.ts';
import { RequireSignIn } from '../accounts/RequireSignIn.tsx';
import type { User } from '../../../shared/api/accounts.schemas.ts';
import type { Group } from '../../../shared/api/groups.schemas.ts';
import { hasLink, hasPlace } from '../../../shared/sessions.ts';
import type { FoundSlot, TimeFinderResult } from '../../../shared/api/scheduling.schemas.ts';
import { groupPath } from '../groups/group-labels.ts';
import { GroupGate } from '../groups/GroupGate.tsx';
import { ModeFields, type ModeValues } from '../sessions/ModeFields.tsx';
import '../sessions/sessions.css';
import { HeatMap } from './HeatMap.tsx';
import { pollsPath } from './scheduling-paths.ts';
import { cityOf, dayName, localWallTime } from './scheduling-format.ts';
import { useApplyTimes, useTimeFinder, type TimeFinderOptions } from './scheduling-queries.ts';
import './scheduling.css';
import { OptionsForm } from './TimeFinderOptionsForm.tsx';

/** Best times listed at first; the rest on demand. */
const SHOWN = 5;

type Choice = { kind: 'slot'; index: number } | { kind: 'rotation' } | null;

/** "Tuesday 19:00 (Paris) · Tuesday 13:00 (Montreal)": a weekly time on both clocks. */
function useWeeklyTime() {
  const { i18n } = useTranslation();
  return (slot: { day: number; start: string; viewerLocalStart: string }, groupZone: string, viewerZone: string) => {
    const here = `${dayName(slot.day, i18n.language)} ${slot.start} (${cityOf(groupZone)})`;
    if (viewerZone === groupZone) return here;
    const there = localWallTime(slot.viewerLocalStart, i18n.language);
    return `${here} · ${there} (${cityOf(viewerZone)})`;
  };
}

function SlotItem({
  slot,
  index,
  result,
  zone,
  chosen,
  onChoose,
}: {
  slot: FoundSlot;
  index: number;
  result: TimeFinderResult;
  zone: string;
  chosen: boolean;
  onChoose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const weeklyTime = useWeeklyTime();
  const headingId = `slot-${index}-when`;
  const weeks = result.period.weeks;
  return (
    <li className={chosen ? 'slot is-chosen' : 'slot'} data-testid="slot">
      <h3 id={headingId} className="slot-when" data-testid="slot-when">
        {weeklyTime(slot, result.period.timeZone, zone)}
      </h3>
      <p className="slot-count" data-testid="slot-count">
        <strong>{t('scheduling.finder.canCome', { count: slot.available, total: slot.total })}</strong>
        {slot.partial > 0 && <> · {t('scheduling.finder.partly', { count: slot.partial })}</>}
        {slot.atBadHours > 0 && <> · {t('scheduling.finder.badHours', { count: slot.atBadHours })}</>}
      </p>
      {slot.excluded.length === 0 ? (
        <p className="muted">{t('scheduling.finder.excludesNobody')}</p>
      ) : (
        <div className="slot-excluded">
          <p className="slot-excluded-title">{t('scheduling.finder.excludes')}</p>
          <ul data-testid="slot-excluded">
            {slot.excluded.map((person) => (
              <li key={person.userId}>
                {t('scheduling.finder.excludedAt', {
                  time: localWallTime(person.localTime, i18n.language),
                  name: person.displayName,
                  city: cityOf(person.timeZone),
                })}
                {person.weeksAvailable > 0 && <> — {t('scheduling.finder.dropsWeeks', { count: person.weeksAvailable, weeks })}</>}
              </li>
            ))}
            {slot.excludedCount > slot.excluded.length && <li>{t('scheduling.finder.moreExcluded', { count: slot.excludedCount - slot.excluded.length })}</li>}
          </ul>
        </div>
      )}
      <div className="choice">
        <input type="radio" id={`choose-slot-${index}`} name="finder-choice" checked={chosen} onChange={onChoose} aria-describedby={headingId} />
        <label htmlFor={`choose-slot-${index}`}>{t('scheduling.finder.choose')}</label>
      </div>
    </li>
  );
}

function RotationSection({ result, zone, chosen, onChoose }: { result: TimeFinderResult; zone: string; chosen: boolean; onChoose: () => void }) {
  const { t, i18n } = useTranslation();
  const weeklyTime = useWeeklyTime();
  const names = useMemo(() => new Map(result.fairness.shares.map((s) => [s.userId, s.displayName])), [result]);
  const list = (ids: string[]) =>
    formatList(
      ids.map((id) => names.get(id) ?? '?'),
      i18n.language,
    );
  return (
    <section className="section" aria-labelledby="rotation-title" data-testid="rotation">
      <h2 id="rotation-title">{t('scheduling.finder.rotationTitle')}</h2>
      <p className="hint">{t('scheduling.finder.rotationIntro')}</p>
      {result.rotation.length === 0 ? (
        <p className="empty">{t('scheduling.finder.rotationEmpty')}</p>
      ) : (
        <>
          <ol className="slot-list">
            {result.rotation.map((time, i) => (
              <li key={`${time.day}-${time.start}`} className={chosen ? 'slot is-chosen' : 'slot'} data-testid="rotation-time">
                <h3 className="slot-when">{weeklyTime(time, result.period.timeZone, zone)}</h3>
                <p>{t('scheduling.finder.rotationCovers', { names: list(time.covers) })}</p>
                {time.badHoursFor.length > 0 && <p className="muted">{t('scheduling.finder.rotationBad', { names: list(time.badHoursFor) })}</p>}
                <span className="visually-hidden">{i + 1}</span>
              </li>
            ))}
          </ol>
          {!result.fairness.optimal && <p className="muted">{t('scheduling.finder.rotationNotOptimal')}</p>}
          {result.fairness.uncovered.length > 0 && (
            <p className="callout callout-warning">
              {t('scheduling.finder.uncovered', {
                names: formatList(
                  result.fairness.uncovered.map((p) => p.displayName),
                  i18n.language,
                ),
              })}
            </p>
          )}
          <div className="choice">
            <input type="radio" id="choose-rotation" name="finder-choice" checked={chosen} onChange={onChoose} />
            <label htmlFor="choose-rotation">{t('scheduling.finder.chooseRotation')}</label>
          </div>
        </>
      )}
      {result.fairness.shares.length > 0 && (
        <div className="table-scroll">
          <table className="shares-table" data-testid="shares">
            <caption>{t('scheduling.finder.sharesTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scheduling.finder.shareName')}</th>
                <th scope="col">{t('scheduling.finder.shareZone')}</th>
                <th scope="col">{t('scheduling.finder.shareSessions')}</th>
                <th scope="col">{t('scheduling.finder.shareBad')}</th>
              </tr>
            </thead>
            <tbody>
              {result.fairness.shares.map((s) => (
                <tr key={s.userId}>
                  <th scope="row">{s.displayName}</th>
                  <td>{cityOf(s.timeZone)}</td>
                  <td>{s.sessions}</td>
                  <td>
                    {s.badHourShare === null
                      ? t('scheduling.finder.shareNone')
                      : `${s.badHours} (${new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(s.badHourShare)})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ApplyForm({ group, result, zone, choice }: { group: Group; result: TimeFinderResult; zone: string; choice: Choice }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const apply = useApplyTimes(group.slug);
  const weeklyTime = useWeeklyTime();
  const [title, setTitle] = useState(() => t('scheduling.finder.defaultTitle'));
  const [startDate, setStartDate] = useState(result.period.from);
  const [mode, setMode] = useState<ModeValues>({ mode: 'online', location: '', address: '', accessibility: '', onlineUrl: '', dialIn: '' });
  const labels = {
    title: t('scheduling.finder.applyTitleField'),
    startDate: t('scheduling.finder.applyStart'),
    mode: t('sessions.form.mode'),
    location: t('sessions.form.location'),
    address: t('sessions.form.address'),
    accessibility: t('sessions.form.accessibility'),
    onlineUrl: t('sessions.form.onlineUrl'),
    dialIn: t('sessions.form.dialIn'),
  };
  const errors = formErrors(apply.error, labels);
  const slots = choice === null ? [] : choice.kind === 'rotation' ? result.rotation : result.slots.filter((_, i) => i === choice.index);
  const chosenSlot = choice?.kind === 'slot' ? result.slots[choice.index] : undefined;
  const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (slots.length === 0) return;
    apply.mutate(
      {
        title,
        durationMinutes: result.period.durationMinutes,
        mode: mode.mode,
        location: hasPlace(mode.mode) ? orNull(mode.location) : null,
        address: hasPlace(mode.mode) ? orNull(mode.address) : null,
        accessibility: hasPlace(mode.mode) ? orNull(mode.accessibility) : null,
        onlineUrl: hasLink(mode.mode) ? orNull(mode.onlineUrl) : null,
        dialIn: hasLink(mode.mode) ? orNull(mode.dialIn) : null,
        slots: slots.map(({ day, start }) => ({ day, start })),
        startDate,
        rotation: choice?.kind === 'rotation' && slots.length > 1,
      },
      { onSuccess: () => navigate(groupPath(group.slug), { state: noticeState('sessionScheduled') }) },
    );
  };

  return (
    <section className="section" aria-labelledby="apply-title" data-testid="apply">
      <h2 id="apply-title">{t('scheduling.finder.applyTitle')}</h2>
      {slots.length === 0 ? (
        <p className="empty">{t('scheduling.finder.applyNothing')}</p>
      ) : (
        <form className="form" noValidate onSubmit={submit}>
          <ErrorSummary errors={errors} />
          <p className="callout" data-testid="apply-chosen">
            {chosenSlot
              ? t('scheduling.finder.applyChosenSlot', { when: weeklyTime(chosenSlot, result.period.timeZone, zone) })
              : t('scheduling.finder.applyChosenRotation', { count: slots.length })}
          </p>
          <TextField
            id={fieldId('title')}
            label={labels.title}
            error={errors.field('title')}
            value={title}
            maxLength={120}
            onChange={(e) => setTitle(e.target.value)}
          />
          <TextField
            id={fieldId('startDate')}
            type="date"
            label={labels.startDate}
            error={errors.field('startDate')}
            value={startDate}
            onChange={(e) => setStartDate(e.target.value)}
          />
          <ModeFields values={mode} onChange={(patch) => setMode({ ...mode, ...patch })} errors={errors} withExtras={false} />
          <div className="actions">
            <button type="submit" className="button" disabled={apply.isPending}>
              {t('scheduling.finder.applySubmit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function Results({ group, result, zone }: { group: Group; result: TimeFinderResult; zone: string }) {
  const { t, i18n } = useTranslation();
  const [choice, setChoice] = useState<Choice>(null);
  const [showAll, setShowAll] = useState(false);
  const names = (people: { displayName: string }[]) =>
    formatList(
      people.map((p) => p.displayName),
      i18n.language,
    );
  if (result.total === 0)
    return (
      <p className="empty" data-testid="finder-empty">
        {t('scheduling.finder.noAvailability')}
      </p>
    );
  return (
    <>
      <div className="section" data-testid="finder-summary">
        <p>{t('scheduling.finder.summary', { count: result.total })}</p>
        {result.withoutAvailability.length > 0 && <p className="muted">{t('scheduling.finder.without', { names: names(result.withoutAvailability) })}</p>}
        {result.mustHave.withoutAvailability.length > 0 && (
          <p className="callout callout-warning">{t('scheduling.finder.mustHaveWithout', { names: names(result.mustHave.withoutAvailability) })}</p>
        )}
      </div>
      <HeatMap heat={result.heatmap.viewer} total={result.total} zone={result.heatmap.viewer.timeZone} />
      <section className="section" aria-labelledby="best-title" data-testid="best-slots">
        <h2 id="best-title">{t('scheduling.finder.bestTitle')}</h2>
        {result.slots.length === 0 ? (
          <p className="empty">{t('scheduling.finder.noSlots')}</p>
        ) : (
          <ol className="slot-list">
            {result.slots.slice(0, showAll ? undefined : SHOWN).map((slot, index) => (
              <SlotItem
                key={`${slot.day}-${slot.start}`}
                slot={slot}
                index={index}
                result={result}
                zone={zone}
                chosen={choice?.kind === 'slot' && choice.index === index}
                onChoose={() => setChoice({ kind: 'slot', index })}
              />
            ))}
          </ol>
        )}
        {result.slots.length > SHOWN && (
          <button type="button" className="button button-secondary" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
            {showAll ? t('scheduling.finder.showFewer', { count: SHOWN }) : t('scheduling.finder.showAll', { count: result.slots.length })}
          </button>
        )}
      </section>
      <RotationSection result={result} zone={zone} chosen={choice?.kind === 'rotation'} onChoose={() => setChoice({ kind: 'rotation' })} />
      <ApplyForm group={group} result={result} zone={zone} choice={choice} />
    </>
  );
}

function Finder({ group, user }: { group: Group; user: User }) {
  const { t } = useTranslation();
  const groupZone = group.timeZone ?? user.timeZone;
  const [options, setOptions] = useState<TimeFinderOptions>(() => ({
    durationMinutes: 90,
    from: instantToLocal(Date.now(), groupZone).slice(0, 10),
    weeks: 4,
    zone: user.timeZone,
    mustHave: group.leaders.map((l) => l.userId),
    onlineOnly: false,
  }));
  const finder = useTimeFinder(group.slug, options);
  const zones = useMemo(() => [...new Set(finder.data?.fairness.shares.map((s) => s.timeZone) ?? [])], [finder.data]);
  const title = t('scheduling.finder.title');

  return (
    <div className="page finder-page">
      <p className="eyebrow">
        <Link to={groupPath(group.slug)}>{group.name}</Link>
      </p>
      <PageHeading title={`${title} — ${group.name}`}>{title}</PageHeading>
      <p className="lead">{t('scheduling.finder.intro')}</p>
      <p>
        <Link to={pollsPath(group.slug)}>{t('scheduling.polls.title')}</Link>
      </p>
      <OptionsForm group={group} user={user} initial={options} zones={zones} error={finder.error} onSubmit={setOptions} />
      <div aria-busy={finder.isFetching} data-testid="finder-results">
        {finder.isPending ? (
          <Loading />
        ) : finder.isError ? (
          isApiError(finder.error, 400) ? null : (
            <LoadError error={finder.error} onRetry={() => void finder.refetch()} />
          )
        ) : (
          <Results key={JSON.stringify(options)} group={group} result={finder.data} zone={options.zone} />
        )}
      </div>
    </div>
  );
}

/** `/groups/:slug/time-finder`: leaders find the weekly time that leaves the fewest out. */
export function TimeFinderPage() {
  const { slug = '' } = useParams();
  return (
    <RequireSignIn>
      {(user) => (
        <GroupGate role="leader" slug={slug}>
          {(group) => <Finder group={group} user={user} />}
        </GroupGate>
      )}
    </RequireSignIn>
  );
}
