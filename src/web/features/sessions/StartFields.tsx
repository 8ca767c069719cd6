import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { otherClock, zoneCity } from '../../../shared/datetime-format.ts';
import { localToInstant, parseLocal } from '../../../shared/zoned-time.ts';
import { fieldId } from '../../components/form-errors.ts';
import { TimeZoneSelect } from '../../components/TimeZoneSelect.tsx';
import { useWhen } from './session-format.ts';

/**
 * The viewer's own time for a wall time typed in `zone`, when their clock differs from it:
 * "13:00 your time (Montreal)", or with the day when it falls on another one. Null when the
 * time is incomplete or the same on both clocks.
 */
function viewerTimeOf(local: string, zone: string, viewerZone: string, locale: string): { text: string; city: string } | null {
  if (!parseLocal(local)) return null;
  let instant: number;
  try {
    instant = localToInstant(local, zone);
  } catch {
    return null;
  }
  return otherClock(instant, locale, zone, viewerZone);
}

interface StartFieldsProps {
  /** The API path the date and time make up together (`start`). */
  path?: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  date: string;
  time: string;
  onDate: (date: string) => void;
  onTime: (time: string) => void;
  timeZone: string;
  /** Absent when the zone is fixed (moving one occurrence of a session). */
  onTimeZone?: (zone: string) => void;
  zoneHint?: ReactNode;
  zoneError?: string | undefined;
}

/**
 * A date and a time on the session's clock, its zone, and, as one types, what that is on
 * the viewer's own clock when it differs ("= 13:00 your time (Montreal)").
 */
export function StartFields({ path = 'start', legend, hint, error, date, time, onDate, onTime, timeZone, onTimeZone, zoneHint, zoneError }: StartFieldsProps) {
  const { t } = useTranslation();
  const { viewerZone, locale } = useWhen();
  const id = fieldId(path);
  const theirs = viewerTimeOf(`${date}T${time}`, timeZone, viewerZone, locale);
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

  return (
    <>
      <fieldset id={id} className={error ? 'choices field-invalid' : 'choices'} aria-describedby={described}>
        <legend>{legend}</legend>
        {hint && (
          <p id={`${id}-hint`} className="hint">
            {hint}
          </p>
        )}
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
        <div className="date-time">
          <div className="field">
            <label htmlFor={`${id}-date`}>{t('sessions.form.date')}</label>
            <input id={`${id}-date`} type="date" value={date} onChange={(e) => onDate(e.target.value)} required aria-invalid={error ? true : undefined} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-time`}>{t('sessions.form.time', { city: zoneCity(timeZone) })}</label>
            <input id={`${id}-time`} type="time" value={time} onChange={(e) => onTime(e.target.value)} required aria-invalid={error ? true : undefined} />
          </div>
        </div>
      </fieldset>
      {onTimeZone && (
        <TimeZoneSelect id={fieldId('timeZone')} label={t('sessions.form.timeZone')} hint={zoneHint} error={zoneError} value={timeZone} onChange={onTimeZone} />
      )}
      <p className="your-time" data-testid="your-time" aria-live="polite">
        {theirs ? t('sessions.form.yourTime', { time: theirs.text, city: theirs.city }) : ''}
      </p>
    </>
  );
}
