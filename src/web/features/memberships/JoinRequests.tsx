import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { useFormatInstant } from '../../i18n/format.ts';
import { useJoinRequests, useMemberAction } from './membership-queries.ts';

/** Leaders: people asking to join an approval group. */
export function JoinRequests({ slug, viewerTimeZone }: { slug: string; viewerTimeZone: string }) {
  const { t } = useTranslation();
  const requests = useJoinRequests(slug, true);
  const approve = useMemberAction(slug, 'approve');
  const reject = useMemberAction(slug, 'reject');
  const format = useFormatInstant(viewerTimeZone);
  const busy = approve.isPending || reject.isPending;
  const failure = approve.error ?? reject.error;

  return (
    <section className="section" aria-labelledby="requests-title" aria-busy={requests.isFetching}>
      <h2 id="requests-title">{t('requests.title')}</h2>
      {failure && (
        <p className="error-inline" role="alert">
          {failure.message}
        </p>
      )}
      {requests.isPending ? (
        <Loading />
      ) : requests.isError ? (
        <LoadError error={requests.error} onRetry={() => void requests.refetch()} />
      ) : requests.data.length === 0 ? (
        <p className="muted">{t('requests.empty')}</p>
      ) : (
        <ul className="people" data-testid="request-list">
          {requests.data.map((request) => (
            <li key={request.userId}>
              <div className="person">
                <span className="person-name">{request.displayName}</span>
                <span className="person-detail muted">{t('requests.askedOn', { date: format.dateTime(request.requestedAt) })}</span>
              </div>
              <div className="person-actions">
                <button type="button" className="button button-small" disabled={busy} onClick={() => approve.mutate(request.userId)}>
                  {t('requests.approve')}
                </button>
                <button type="button" className="button button-secondary button-small" disabled={busy} onClick={() => reject.mutate(request.userId)}>
                  {t('requests.reject')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
