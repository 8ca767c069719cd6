import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/limits.ts';
import { TextField } from '../../components/Field.tsx';
import { fieldId } from '../../components/form-errors.ts';

/** A session's length in minutes, with the server's bounds (schedule, programme, move forms). */
export function DurationField(props: { value: string; onChange: (value: string) => void; error: string | undefined; withHint?: boolean }) {
  const { t } = useTranslation();
  return (
    <TextField
      id={fieldId('durationMinutes')}
      label={t('sessions.form.duration')}
      {...(props.withHint ? { hint: t('sessions.form.durationHint') } : {})}
      error={props.error}
      type="number"
      inputMode="numeric"
      min={LIMITS.sessionMinutesMin}
      max={LIMITS.sessionMinutesMax}
      step={5}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      className="input-short"
    />
  );
}
