import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { UnsubscribeInfo, UnsubscribeResult } from '../../../shared/api/email-group.schemas.ts';
import { api, apiPath, isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';

/**
 * The page behind a mail's unsubscribe link (no account needed). Opening it changes
 * nothing — link scanners open links — the button does; mail clients' one-click POST goes
 * straight to the server.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const info = useQuery({
    queryKey: ['unsubscribe', token],
    queryFn: () => api.get<UnsubscribeInfo>(apiPath`/api/v1/unsubscribe/${token}`),
    retry: false,
  });
  const stop = useMutation({ mutationFn: () => api.post<UnsubscribeResult>(apiPath`/api/v1/unsubscribe/${token}`, {}) });

  if (info.isPending) return <Loading />;
  if (info.isError) {
    if (isApiError(info.error, 404) || isApiError(info.error, 400)) {
      return <NotFoundPage title={t('discussions.unsubscribe.invalidTitle')} body={t('discussions.unsubscribe.invalidBody')} />;
    }
    return <LoadError error={info.error} onRetry={() => void info.refetch()} />;
  }
  const group = info.data.group.name;
  const title = t('discussions.unsubscribe.title', { group });
  return (
    <div className="reading">
      <PageHeading title={title}>{title}</PageHeading>
      <div role="status" aria-live="polite">
        {stop.isSuccess && <p className="notice">{t('discussions.unsubscribe.done', { group })}</p>}
      </div>
      {!stop.isSuccess && (
        <>
          <p className="lead">{t('discussions.unsubscribe.intro', { group })}</p>
          {stop.isError && <ErrorSummary errors={formErrors(stop.error, {})} />}
          <button type="button" className="button" disabled={stop.isPending} onClick={() => stop.mutate()}>
            {t('discussions.unsubscribe.confirm')}
          </button>
        </>
      )}
    </div>
  );
}
