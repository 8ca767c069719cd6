import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { floatingMs, formatFloating, localToInstant, parseLocal } from '../../../shared/zoned-time.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { fieldId, formErrors, localErrors } from '../../components/form-errors.ts';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { noticeState } from '../../components/notice.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { browserTimeZone } from '../../i18n/time-zones.ts';
import { RequireSignIn } from '../accounts/RequireSignIn.tsx';
import { groupPath } from '../groups/group-labels.ts';
import type { Group } from '../../../shared/api/groups.schemas.ts';
import { hasLink, hasPlace } from '../../../shared/sessions.ts';
import type { Programme } from '../../../shared/api/sessions.schemas.ts';
import { GroupGate } from '../groups/GroupGate.tsx';
import { ModeFields, type ModeValues } from './ModeFields.tsx';
import { longestAgenda } from './programme-form.ts';
import { programmePaths } from './session-paths.ts';
import { useWhen } from './session-format.ts';
import { DEFAULT_DURATION } from './session-form.ts';
import { useProgramme, useScheduleProgramme } from './session-queries.ts';
import { StartFields } from './StartFields.tsx';
import './sessions.css';
import { DurationField } from './DurationField.tsx';

const WEEK = 7 * 86_400_000;
const INTERVALS = [1, 2, 3, 4, 5, 6, 7, 8];

/** The wall times the server will give each part: the same clock time, every N weeks. */
function plannedStarts(start: string, count: number, intervalWeeks: number): string[] {
  const first = parseLocal(start);
  if (!first) return [];
  return Array.from({ length: count }, (_, i) => formatFloating(floatingMs(first) + i * intervalWeeks * WEEK));
}

/** The longest agenda when the parts are timed, else the usual support-circle length. */
function defaultDuration(programme: Programme): number {
  const longest = longestAgenda(programme);
  return longest >= 30 ? Math.min(longest, 720) : DEFAULT_DURATION;
}

function Scheduler({ group, programme }: { group: Group; programme: Programme }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useWhen();
  const schedule = useScheduleProgramme(programme.id);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('19:00');
  const [timeZone, setTimeZone] = useState(group.timeZone ?? browserTimeZone());
  const [duration, setDuration] = useState(() => String(defaultDuration(programme)));
  const [interval, setIntervalWeeks] = useState(1);
  const [mode, setMode] = useState<ModeValues>({ mode: 'in-person', location: '', address: '', accessibility: '', onlineUrl: '', dialIn: '' });
  const [capacity, setCapacity] = useState('');
  const [missing, setMissing] = useState<{ path: string; label: string; message: string }[]>([]);

  const labels: Record<string, string> = {
    start: t('programmes.scheduleForm.start'),
    timeZone: t('sessions.form.timeZone'),
    durationMinutes: t('sessions.form.duration'),
    intervalWeeks: t('programmes.scheduleForm.interval'),
    mode: t('sessions.form.mode'),
    location: t('sessions.form.location'),
    address: t('sessions.form.address'),
    onlineUrl: t('sessions.form.onlineUrl'),
    capacity: t('sessions.form.capacity'),
  };
  const errors = missing.length > 0 ? localErrors(missing) : formErrors(schedule.error, labels);
  const starts = plannedStarts(`${date}T${time}`, programme.parts.length, interval);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!date || !time) {
      setMissing([{ path: 'start', label: labels.start ?? '', message: t(date ? 'sessions.check.time' : 'sessions.check.date') }]);
      return;
    }
    setMissing([]);
    const text = (s: string) => (s.trim() ? s : null);
    schedule.mutate(
      {
        start: `${date}T${time}`,
        timeZone,
        durationMinutes: Number(duration),
        intervalWeeks: interval,
        mode: mode.mode,
        location: hasPlace(mode.mode) ? text(mode.location) : null,
        address: hasPlace(mode.mode) ? text(mode.address) : null,
        onlineUrl: hasLink(mode.mode) ? text(mode.onlineUrl.trim()) : null,
        capacity: capacity.trim() ? Number(capacity) : null,
      },
      { onSuccess: () => navigate(groupPath(group.slug), { state: noticeState('programmeScheduled') }) },
    );
  }

  const title = t('programmes.scheduleForm.title', { title: programme.title });

  return (
    <div className="reading">
      <p className="eyebrow">
        <Link to={groupPath(group.slug)}>{group.name}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('programmes.scheduleForm.intro', { count: programme.parts.length })}</p>
      <form onSubmit={submit} noValidate className="form" data-testid="programme-schedule-form">
        <ErrorSummary errors={errors} />
        <StartFields
          legend={t('programmes.scheduleForm.start')}
          error={errors.field('start')}
          date={date}
          time={time}
          onDate={setDate}
          onTime={setTime}
          timeZone={timeZone}
          onTimeZone={setTimeZone}
          zoneHint={t('sessions.form.timeZoneHint', { zone: (group.timeZone ?? timeZone).replace(/_/g, ' ') })}
          zoneError={errors.field('timeZone')}
        />
        <DurationField value={duration} onChange={setDuration} error={errors.field('durationMinutes')} withHint />
        <SelectField
          id={fieldId('intervalWeeks')}
          label={t('programmes.scheduleForm.interval')}
          error={errors.field('intervalWeeks')}
          value={String(interval)}
          onChange={(e) => setIntervalWeeks(Number(e.target.value))}
          className="input-short"
        >
          {INTERVALS.map((n) => (
            <option key={n} value={n}>
              {t('programmes.scheduleForm.every', { count: n })}
            </option>
          ))}
        </SelectField>
        <ModeFields values={mode} onChange={(patch) => setMode((m) => ({ ...m, ...patch }))} errors={errors} withExtras={false} />
        <TextField
          id={fieldId('capacity')}
          label={t('sessions.form.capacity')}
          hint={t('sessions.form.capacityHint')}
          error={errors.field('capacity')}
          optional
          type="number"
          inputMode="numeric"
          min={1}
          max={10000}
          step={1}
          value={capacity}
          onChange={(e) => setCapacity(e.target.value)}
          className="input-short"
        />

        <section className="form-section" aria-labelledby="preview-title">
          <h2 id="preview-title">{t('programmes.scheduleForm.preview')}</h2>
          {starts.length === 0 ? (
            <p className="muted">{t('programmes.scheduleForm.previewEmpty')}</p>
          ) : (
            <ol className="programme-parts-summary" data-testid="programme-preview">
              {programme.parts.map((part, i) => {
                const local = starts[i];
                let when = '';
                try {
                  when = local ? format.when(new Date(localToInstant(local, timeZone)).toISOString(), timeZone) : '';
                } catch {
                  when = '';
                }
                return (
                  <li key={i}>
                    <strong>{part.theme}</strong> — {when}
                  </li>
                );
              })}
            </ol>
          )}
        </section>

        <div className="actions guide-actions">
          <button type="submit" className="button" disabled={schedule.isPending}>
            {t('programmes.scheduleForm.submit', { count: programme.parts.length })}
          </button>
          <Link className="button button-secondary" to={programmePaths.list(group.slug)}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}

function LoadProgramme({ id }: { id: string }) {
  const { t } = useTranslation();
  const programme = useProgramme(id);
  if (programme.isPending) return <Loading />;
  if (programme.isError) {
    if (isApiError(programme.error, 404)) return <NotFoundPage title={t('programmes.notFoundTitle')} body={t('programmes.notFoundBody')} />;
    return <LoadError error={programme.error} onRetry={() => void programme.refetch()} />;
  }
  return (
    <GroupGate role="leader" slug={programme.data.groupSlug}>
      {(group) => <Scheduler group={group} programme={programme.data} />}
    </GroupGate>
  );
}

/** `/programmes/:id/schedule`: one session per part for a new cohort, every N weeks. */
export function ScheduleProgrammePage() {
  const { id = '' } = useParams();
  return <RequireSignIn>{() => <LoadProgramme id={id} />}</RequireSignIn>;
}
