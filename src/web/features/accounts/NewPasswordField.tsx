import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/limits.ts';
import { TextField } from '../../components/Field.tsx';

/**
 * A field for choosing a password (sign-up, reset, change): the server's length limits, the
 * hint that states them, and `new-password` so password managers offer to generate one.
 */
export function NewPasswordField(props: { id: string; label: string; error: string | undefined; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <TextField
      id={props.id}
      label={props.label}
      hint={t('account.passwordHint', { min: LIMITS.passwordMin })}
      error={props.error}
      type="password"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      autoComplete="new-password"
      minLength={LIMITS.passwordMin}
      maxLength={LIMITS.passwordMax}
      required
    />
  );
}
