import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/Field.tsx';
import { fieldId, formErrors } from '../../components/form-errors.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useRequestPasswordReset } from './session.ts';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const errors = formErrors(request.error, { email: t('account.email') });

  function submit(event: FormEvent) {
    event.preventDefault();
    request.mutate({ email });
  }

  return (
    <div className="narrow">
      <PageHeading title={t('forgot.title')}>{t('forgot.title')}</PageHeading>
      {request.isSuccess ? (
        // The same words whether or not the account exists: no one learns who is registered.
        <p className="notice" role="status">
          {t('forgot.sent')}
        </p>
      ) : (
        <>
          <p>{t('forgot.intro')}</p>
          <form onSubmit={submit} noValidate className="form">
            <ErrorSummary errors={errors} />
            <TextField
              id={fieldId('email')}
              label={t('account.email')}
              error={errors.field('email')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoComplete="email"
              spellCheck={false}
              required
            />
            <div className="actions">
              <button type="submit" className="button" disabled={request.isPending}>
                {t('forgot.submit')}
              </button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
