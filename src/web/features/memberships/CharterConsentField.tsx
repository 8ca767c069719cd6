import { CheckboxField } from '../../components/Field.tsx';
import { fieldId } from '../../components/form-errors.ts';
import type { useCharterConsent } from './charter-consent.ts';

export function CharterConsentField({ consent }: { consent: ReturnType<typeof useCharterConsent> }) {
  return (
    <CheckboxField
      id={fieldId('acceptCharter')}
      label={consent.label}
      checked={consent.accepted}
      onChange={consent.setAccepted}
      error={consent.errors.field('acceptCharter')}
    />
  );
}
