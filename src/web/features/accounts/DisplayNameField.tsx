import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/limits.ts';
import { TextField } from '../../components/Field.tsx';
import { fieldId } from '../../components/form-errors.ts';

/** How other members know you (sign-up and settings): a first name or a pseudonym. */
export function DisplayNameField(props: { value: string; onChange: (value: string) => void; error: string | undefined }) {
  const { t } = useTranslation();
  return (
    <TextField
      id={fieldId('displayName')}
      label={t('account.displayName')}
      hint={t('account.displayNameHint')}
      error={props.error}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      autoComplete="nickname"
      maxLength={LIMITS.displayName}
      required
    />
  );
}
