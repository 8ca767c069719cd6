import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrors, localErrors } from '../../components/form-errors.ts';

interface Entry {
  path: string;
  label: string;
  message: string;
}

/**
 * "I have read and accept the charter": required before joining, accepting an invitation
 * or accepting a changed charter. Checked here first so the person is told at once; the
 * server checks again and its own refusal shows the same way.
 */
export function useCharterConsent(serverError: unknown) {
  const { t } = useTranslation();
  const [accepted, setAccepted] = useState(false);
  const [missing, setMissing] = useState<readonly Entry[] | null>(null);
  const label = t('join.accept');
  const errors = missing ? localErrors(missing) : formErrors(serverError, { acceptCharter: label });

  /** True when the box is ticked; otherwise shows why not and returns false. */
  function confirm(): boolean {
    if (!accepted) {
      setMissing([{ path: 'acceptCharter', label, message: t('join.acceptRequired') }]);
      return false;
    }
    setMissing(null);
    return true;
  }

  return { accepted, setAccepted, errors, confirm, label };
}
