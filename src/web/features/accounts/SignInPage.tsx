import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/Field.tsx';
import { fieldId, formErrors } from '../../components/form-errors.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { safeNext, withNext } from './safe-next.ts';
import { useSignIn } from './session.ts';

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = formErrors(signIn.error, { email: t('account.email'), password: t('account.password') });

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: () => navigate(next) });
  }

  return (
    <div className="narrow">
      <PageHeading title={t('signin.title')}>{t('signin.title')}</PageHeading>
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
        <TextField
          id={fieldId('password')}
          label={t('account.password')}
          error={errors.field('password')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
        />
        <div className="actions">
          <button type="submit" className="button" disabled={signIn.isPending}>
            {t('signin.submit')}
          </button>
          <Link to="/forgot-password">{t('signin.forgot')}</Link>
        </div>
      </form>
      <p>
        {t('signin.noAccount')} <Link to={params.get('next') ? withNext('/signup', next) : '/signup'}>{t('signin.createAccount')}</Link>
      </p>
    </div>
  );
}
