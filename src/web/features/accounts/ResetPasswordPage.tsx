import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { fieldId, formErrors } from '../../components/form-errors.ts';
import { noticeState } from '../../components/notice.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useConfirmPasswordReset } from './session.ts';
import { NewPasswordField } from './NewPasswordField.tsx';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmPasswordReset();
  const [password, setPassword] = useState('');
  const errors = formErrors(confirm.error, { password: t('reset.password') });

  function submit(event: FormEvent) {
    event.preventDefault();
    confirm.mutate({ token, password }, { onSuccess: () => navigate('/', { state: noticeState('passwordReset') }) });
  }

  return (
    <div className="narrow">
      <PageHeading title={t('reset.title')}>{t('reset.title')}</PageHeading>
      {!token ? (
        <div className="callout" role="alert">
          <p>{t('reset.missingToken')}</p>
          <p>
            <Link to="/forgot-password">{t('reset.askAgain')}</Link>
          </p>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="form">
          <ErrorSummary errors={errors} />
          {confirm.error && 'code' in confirm.error && confirm.error.code === 'RESET_TOKEN_INVALID' && (
            <p>
              <Link to="/forgot-password">{t('reset.askAgain')}</Link>
            </p>
          )}
          <NewPasswordField id={fieldId('password')} label={t('reset.password')} error={errors.field('password')} value={password} onChange={setPassword} />
          <div className="actions">
            <button type="submit" className="button" disabled={confirm.isPending}>
              {t('reset.submit')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
