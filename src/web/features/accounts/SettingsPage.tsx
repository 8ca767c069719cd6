import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LOCALES, isLocale, type Locale } from '../../../shared/locale.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { fieldId, formErrors } from '../../components/form-errors.ts';
import { noticeState } from '../../components/notice.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TimeZoneSelect } from '../../components/TimeZoneSelect.tsx';
import { rememberLocale } from '../../i18n/language.ts';
import { CalendarFeedSection } from '../sessions/CalendarFeedSection.tsx';
import type { User } from '../../../shared/api/accounts.schemas.ts';
import { RequireSignIn } from './RequireSignIn.tsx';
import { useChangePassword, useDeleteAccount, useUpdateProfile } from './session.ts';
import { NewPasswordField } from './NewPasswordField.tsx';
import { DisplayNameField } from './DisplayNameField.tsx';

function ProfileForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [timeZone, setTimeZone] = useState(user.timeZone);
  const [locale, setLocale] = useState<Locale>(user.locale);
  const errors = formErrors(update.error, {
    displayName: t('account.displayName'),
    timeZone: t('account.timeZone'),
    locale: t('account.language'),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({ displayName, timeZone, locale }, { onSuccess: () => rememberLocale(locale) });
  }

  return (
    <section aria-labelledby="profile-title" className="panel">
      <h2 id="profile-title">{t('settings.profile')}</h2>
      {user.email && <p>{t('settings.emailNote', { email: user.email })}</p>}
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={errors} />
        <DisplayNameField value={displayName} onChange={setDisplayName} error={errors.field('displayName')} />
        <TimeZoneSelect
          id={fieldId('timeZone')}
          label={t('account.timeZone')}
          hint={t('account.timeZoneHint')}
          error={errors.field('timeZone')}
          value={timeZone}
          onChange={setTimeZone}
        />
        <SelectField
          id={fieldId('locale')}
          label={t('account.language')}
          hint={t('account.languageHint')}
          error={errors.field('locale')}
          value={locale}
          onChange={(e) => isLocale(e.target.value) && setLocale(e.target.value)}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <button type="submit" className="button" disabled={update.isPending}>
            {t('settings.saveProfile')}
          </button>
        </div>
        {update.isSuccess && (
          <p className="notice" role="status">
            {t('settings.profileSaved')}
          </p>
        )}
      </form>
    </section>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const errors = formErrors(change.error, {
    currentPassword: t('settings.currentPassword'),
    newPassword: t('settings.newPassword'),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
        },
      },
    );
  }

  return (
    <section aria-labelledby="password-title" className="panel">
      <h2 id="password-title">{t('settings.passwordTitle')}</h2>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={errors} />
        <TextField
          id={fieldId('currentPassword')}
          label={t('settings.currentPassword')}
          error={errors.field('currentPassword')}
          type="password"
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
          autoComplete="current-password"
          required
        />
        <NewPasswordField
          id={fieldId('newPassword')}
          label={t('settings.newPassword')}
          error={errors.field('newPassword')}
          value={newPassword}
          onChange={setNewPassword}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={change.isPending}>
            {t('settings.changePassword')}
          </button>
        </div>
        {change.isSuccess && (
          <p className="notice" role="status">
            {t('settings.passwordChanged')}
          </p>
        )}
      </form>
    </section>
  );
}

function DeleteAccountForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteAccount(() => navigate('/', { state: noticeState('accountDeleted') }));
  const [password, setPassword] = useState('');
  const errors = formErrors(remove.error, { password: t('settings.deletePassword') });

  function submit(event: FormEvent) {
    event.preventDefault();
    remove.mutate({ password });
  }

  return (
    <section aria-labelledby="delete-title" className="panel panel-danger">
      <h2 id="delete-title">{t('settings.deleteTitle')}</h2>
      <p>{t('settings.deleteExplain')}</p>
      <p>{t('settings.deleteLeaders')}</p>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={errors} />
        <TextField
          id={fieldId('password')}
          label={t('settings.deletePassword')}
          error={errors.field('password')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
        />
        <div className="actions">
          <button type="submit" className="button button-danger" disabled={remove.isPending}>
            {t('settings.deleteSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <div className="reading">
      <PageHeading title={t('settings.title')}>{t('settings.title')}</PageHeading>
      <RequireSignIn>
        {(user) => (
          <>
            <ProfileForm user={user} />
            <CalendarFeedSection />
            <PasswordForm />
            <DeleteAccountForm />
          </>
        )}
      </RequireSignIn>
    </div>
  );
}
