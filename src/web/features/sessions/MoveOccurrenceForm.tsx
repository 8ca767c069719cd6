import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { instantToLocal } from '../../../shared/zoned-time.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formErrors, localErrors } from '../../components/form-errors.ts';
import { useMoveOccurrence } from './session-queries.ts';
import type { SessionOut as Session } from '../../../shared/api/sessions.schemas.ts';
import { StartFields } from './StartFields.tsx';
import { DurationField } from './DurationField.tsx';

/** Moves one occurrence to another date and time on the session's clock; the series stays. */
export function MoveOccurrenceForm({
  session,
  startsAt,
  durationMinutes,
  onDone,
  onCancel,
  titleId,
}: {
  session: Session;
  startsAt: string;
  durationMinutes: number;
  onDone: (newStartsAt: string) => void;
  onCancel: () => void;
  titleId: string;
}) {
  const { t } = useTranslation();
  const move = useMoveOccurrence(session.id);
  const local = instantToLocal(Date.parse(startsAt), session.timeZone);
  const [date, setDate] = useState(local.slice(0, 10));
  const [time, setTime] = useState(local.slice(11, 16));
  const [duration, setDuration] = useState(String(durationMinutes));
  const [missing, setMissing] = useState<{ path: string; label: string; message: string }[]>([]);
  const labels = { start: t('sessions.move.newStart'), durationMinutes: t('sessions.form.duration') };
  const errors = missing.length > 0 ? localErrors(missing) : formErrors(move.error, labels);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!date || !time) {
      setMissing([{ path: 'start', label: labels.start, message: t(date ? 'sessions.check.time' : 'sessions.check.date') }]);
      return;
    }
    setMissing([]);
    const minutes = Number(duration);
    move.mutate(
      { occurrenceStart: startsAt, start: `${date}T${time}`, ...(minutes !== durationMinutes ? { durationMinutes: minutes } : {}) },
      { onSuccess: (moved) => onDone(moved.startsAt) },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="form">
      <h2 id={titleId}>{t('sessions.move.title')}</h2>
      <p>{t('sessions.move.intro')}</p>
      <ErrorSummary errors={errors} />
      <StartFields
        legend={t('sessions.move.newStart')}
        error={errors.field('start')}
        date={date}
        time={time}
        onDate={setDate}
        onTime={setTime}
        timeZone={session.timeZone}
      />
      <DurationField value={duration} onChange={setDuration} error={errors.field('durationMinutes')} />
      <div className="actions">
        <button type="submit" className="button" disabled={move.isPending}>
          {t('sessions.move.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
