import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/Field.tsx';
import { fieldId, formErrors } from '../../components/form-errors.ts';
import { noticeState } from '../../components/notice.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { currentLocale } from '../../i18n/i18n.ts';
import { browserTimeZone } from '../../i18n/time-zones.ts';
import { safeNext, withNext } from './safe-next.ts';
import { useSignUp } from './session.ts';
import { NewPasswordField } from './NewPasswordField.tsx';
import { DisplayNameField } from './DisplayNameField.tsx';

export function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const signUp = useSignUp();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = formErrors(signUp.error, {
    displayName: t('account.displayName'),
    email: t('account.email'),
    password: t('account.password'),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    signUp.mutate(
      // The zone and language the person is using now become their account's defaults.
      { displayName, email, password, timeZone: browserTimeZone(), locale: currentLocale() },
      { onSuccess: ({ user }) => navigate(next, { state: noticeState('welcome', { name: user.displayName }) }) },
    );
  }

  return (
    <div className="narrow">
      <PageHeading title={t('signup.title')}>{t('signup.title')}</PageHeading>
      <p className="lead">{t('signup.intro')}</p>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={errors} />
        <DisplayNameField value={displayName} onChange={setDisplayName} error={errors.field('displayName')} />
        <TextField
          id={fieldId('email')}
          label={t('account.email')}
          hint={t('account.emailHint')}
          error={errors.field('email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoComplete="email"
          spellCheck={false}
          required
        />
        <NewPasswordField id={fieldId('password')} label={t('account.password')} error={errors.field('password')} value={password} onChange={setPassword} />
        <div className="actions">
          <button type="submit" className="button" disabled={signUp.isPending}>
            {t('signup.submit')}
          </button>
        </div>
      </form>
      <p>
        {t('signup.haveAccount')} <Link to={params.get('next') ? withNext('/signin', next) : '/signin'}>{t('nav.signIn')}</Link>
      </p>
    </div>
  );
}
