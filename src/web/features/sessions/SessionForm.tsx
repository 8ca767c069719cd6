import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextAreaField, TextField } from '../../components/Field.tsx';
import { fieldId, formErrors, localErrors } from '../../components/form-errors.ts';
import type { Group } from '../../../shared/api/groups.schemas.ts';
import type { ScheduleSessionRequest as SessionInput } from '../../../shared/api/sessions.schemas.ts';
import { AgendaEditor, agendaLabels } from './AgendaEditor.tsx';
import { FacilitatorsField } from './FacilitatorsField.tsx';
import { ModeFields } from './ModeFields.tsx';
import { followStartDate } from './repeat-rule.ts';
import { RepeatFields } from './RepeatFields.tsx';
import { checkDraft, inputFromDraft, type DraftProblem, type SessionDraft } from './session-form.ts';
import { StartFields } from './StartFields.tsx';
import './sessions.css';
import { DurationField } from './DurationField.tsx';

interface SessionFormProps {
  group: Group;
  initial: SessionDraft;
  submitLabel: string;
  cancelTo: string;
  pending: boolean;
  /** The failed request, if any: its issues land on the fields. */
  error: unknown;
  onSubmit: (input: SessionInput) => void;
  /** Shown above the fields (what an edit changes). */
  intro?: ReactNode;
  /** Names the date fields when they are not the (first) session's: "this date and the following". */
  startLegend?: string;
}

/** Schedules or edits a session: what, when (and how it repeats), where, who, and its agenda. */
export function SessionForm({ group, initial, submitLabel, cancelTo, pending, error, onSubmit, intro, startLegend }: SessionFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SessionDraft>(initial);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const change = (patch: Partial<SessionDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const labels: Record<string, string> = {
    title: t('sessions.form.title'),
    description: t('sessions.form.description'),
    start: t('sessions.form.start'),
    timeZone: t('sessions.form.timeZone'),
    durationMinutes: t('sessions.form.duration'),
    recurrence: t('sessions.repeat.legend'),
    mode: t('sessions.form.mode'),
    location: t('sessions.form.location'),
    address: t('sessions.form.address'),
    accessibility: t('sessions.form.accessibility'),
    onlineUrl: t('sessions.form.onlineUrl'),
    dialIn: t('sessions.form.dialIn'),
    capacity: t('sessions.form.capacity'),
    facilitators: t('sessions.form.facilitators'),
    'repeat.interval': t('sessions.repeat.interval'),
    'repeat.days': t('sessions.repeat.days'),
    'repeat.count': t('sessions.repeat.count'),
    'repeat.until': t('sessions.repeat.until'),
    'repeat.custom': t('sessions.repeat.custom'),
    ...agendaLabels('agenda', draft.agenda.length, (n) => t('sessions.agenda.partN', { n }), t('sessions.agenda.legend')),
  };
  const errors =
    problems.length > 0
      ? localErrors(problems.map((p) => ({ path: p.path, label: labels[p.path] ?? p.path, message: t(`sessions.check.${p.problem}`) })))
      : formErrors(error, labels);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkDraft(draft);
    setProblems(found);
    if (found.length === 0) onSubmit(inputFromDraft(draft));
  }

  const duration = Number(draft.duration);

  return (
    <form onSubmit={submit} noValidate className="form session-form" data-testid="session-form">
      <ErrorSummary errors={errors} />
      {intro}
      <TextField
        id={fieldId('title')}
        label={t('sessions.form.title')}
        hint={t('sessions.form.titleHint')}
        error={errors.field('title')}
        value={draft.title}
        onChange={(e) => change({ title: e.target.value })}
        maxLength={120}
        required
      />
      <TextAreaField
        id={fieldId('description')}
        label={t('sessions.form.description')}
        hint={t('sessions.form.descriptionHint')}
        error={errors.field('description')}
        optional
        rows={4}
        value={draft.description}
        onChange={(e) => change({ description: e.target.value })}
        maxLength={4000}
      />

      <section className="form-section" aria-labelledby="form-when">
        <h2 id="form-when">{t('sessions.form.when')}</h2>
        <StartFields
          legend={startLegend ?? (draft.repeat.kind === 'none' ? t('sessions.form.start') : t('sessions.form.firstStart'))}
          error={errors.field('start')}
          date={draft.date}
          time={draft.time}
          onDate={(date) => setDraft((d) => ({ ...d, date, repeat: followStartDate(d.repeat, d.date, date) }))}
          onTime={(time) => change({ time })}
          timeZone={draft.timeZone}
          onTimeZone={(timeZone) => change({ timeZone })}
          zoneHint={t('sessions.form.timeZoneHint', { zone: (group.timeZone ?? draft.timeZone).replace(/_/g, ' ') })}
          zoneError={errors.field('timeZone')}
        />
        <DurationField value={draft.duration} onChange={(value) => change({ duration: value })} error={errors.field('durationMinutes')} withHint />
        <RepeatFields repeat={draft.repeat} onChange={(repeat) => change({ repeat })} errors={errors} />
      </section>

      <section className="form-section" aria-labelledby="form-where">
        <h2 id="form-where">{t('sessions.form.where')}</h2>
        <ModeFields values={draft} onChange={change} errors={errors} />
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
          value={draft.capacity}
          onChange={(e) => change({ capacity: e.target.value })}
          className="input-short"
        />
      </section>

      <section className="form-section" aria-labelledby="form-who">
        <h2 id="form-who">{t('sessions.form.who')}</h2>
        <FacilitatorsField
          leaders={group.leaders}
          leaderIds={draft.leaderIds}
          guests={draft.guests}
          guestInput={draft.guestInput}
          onChange={change}
          errors={errors}
        />
      </section>

      <section className="form-section" aria-labelledby="form-agenda">
        <h2 id="form-agenda">{t('sessions.agenda.title')}</h2>
        <AgendaEditor
          path="agenda"
          legend={t('sessions.agenda.legend')}
          rows={draft.agenda}
          onChange={(agenda) => change({ agenda })}
          durationMinutes={Number.isFinite(duration) && duration > 0 ? duration : null}
          errors={errors}
        />
      </section>

      <div className="actions guide-actions">
        <button type="submit" className="button" disabled={pending}>
          {submitLabel}
        </button>
        <Link className="button button-secondary" to={cancelTo}>
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
