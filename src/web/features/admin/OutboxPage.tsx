import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTBOX_STATUSES, type OutboxStatus } from '../../../shared/outbox.ts';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { useFormatInstant } from '../../i18n/format.ts';
import type { User } from '../../../shared/api/accounts.schemas.ts';
import { RequireSignIn } from '../accounts/RequireSignIn.tsx';
import { useOutbox, type OutboxMessage } from './outbox-queries.ts';

function statusLabel(status: string, t: TFunction): string {
  const known = OUTBOX_STATUSES.find((s) => s === status);
  return known ? t(`outbox.statuses.${known}`) : status;
}

function MessageDetails({ message, timeZone }: { message: OutboxMessage; timeZone: string }) {
  const { t } = useTranslation();
  const format = useFormatInstant(timeZone);
  // The HTML version is framed only on request: most of the time the text says it all.
  const [showHtml, setShowHtml] = useState(false);
  return (
    <details className="outbox-message">
      <summary>
        <span className="outbox-subject">{message.subject}</span>
        <span className="outbox-meta">
          {message.to} · <time dateTime={message.createdAt}>{format.dateTime(message.createdAt)}</time> · {statusLabel(message.status, t)}
        </span>
      </summary>
      <dl className="facts">
        <dt>{t('outbox.subject')}</dt>
        <dd>{message.subject}</dd>
        <dt>{t('outbox.to')}</dt>
        <dd>{message.to}</dd>
        <dt>{t('outbox.kind')}</dt>
        <dd>{message.kind}</dd>
        <dt>{t('outbox.status')}</dt>
        <dd>{statusLabel(message.status, t)}</dd>
        {message.error && (
          <>
            <dt>{t('outbox.error')}</dt>
            <dd className="outbox-error">{message.error}</dd>
          </>
        )}
        {message.attempts !== undefined && message.attempts > 0 && (
          <>
            <dt>{t('outbox.attempts')}</dt>
            <dd>{message.attempts}</dd>
          </>
        )}
        <dt>{t('outbox.created')}</dt>
        <dd>{format.dateTime(message.createdAt)}</dd>
        {message.sentAt && (
          <>
            <dt>{t('outbox.sent')}</dt>
            <dd>{format.dateTime(message.sentAt)}</dd>
          </>
        )}
      </dl>
      <h2 className="outbox-part">{t('outbox.text')}</h2>
      <pre className="outbox-text">{message.text}</pre>
      {message.html && (
        <>
          <h2 className="outbox-part">{t('outbox.html')}</h2>
          {showHtml ? (
            // sandbox="" gives the mail's HTML no scripts, no forms, no same-origin access.
            <iframe className="outbox-html" sandbox="" srcDoc={message.html} title={t('outbox.htmlFrame', { subject: message.subject })} />
          ) : (
            <p>
              <button type="button" className="button button-secondary button-small" onClick={() => setShowHtml(true)}>
                {t('outbox.showHtml')}
              </button>
            </p>
          )}
        </>
      )}
    </details>
  );
}

function StatusFilter({
  status,
  counts,
  onChange,
}: {
  status: OutboxStatus | null;
  counts: Partial<Record<OutboxStatus, number>>;
  onChange: (status: OutboxStatus | null) => void;
}) {
  const { t } = useTranslation();
  const total = OUTBOX_STATUSES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  return (
    <div className="field outbox-filter">
      <label htmlFor="outbox-status">{t('outbox.filter')}</label>
      <select id="outbox-status" value={status ?? ''} onChange={(e) => onChange(OUTBOX_STATUSES.find((s) => s === e.target.value) ?? null)}>
        <option value="">{t('outbox.allStatuses', { count: total })}</option>
        {OUTBOX_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t('outbox.statusWithCount', { status: t(`outbox.statuses.${s}`), count: counts[s] ?? 0 })}
          </option>
        ))}
      </select>
    </div>
  );
}

function Outbox({ user }: { user: User }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<OutboxStatus | null>(null);
  const outbox = useOutbox(Boolean(user.isAdmin), status);
  if (!user.isAdmin) return <p>{t('forbidden.body')}</p>;
  if (outbox.isPending) return <Loading />;
  if (outbox.isError) return <LoadError error={outbox.error} onRetry={() => void outbox.refetch()} />;
  const { messages, counts } = outbox.data;
  const failed = counts.failed ?? 0;
  return (
    <>
      {failed > 0 && status !== 'failed' && (
        <p className="callout" role="status">
          {t('outbox.failedNotice', { count: failed })}{' '}
          <button type="button" className="button button-secondary button-small" onClick={() => setStatus('failed')}>
            {t('outbox.showFailed')}
          </button>
        </p>
      )}
      <StatusFilter status={status} counts={counts} onChange={setStatus} />
      <p className="muted">
        {t('outbox.count', { count: messages.length })}{' '}
        <button type="button" className="button button-quiet button-small" onClick={() => void outbox.refetch()} disabled={outbox.isFetching}>
          {t('common.refresh')}
        </button>
      </p>
      {messages.length === 0 && <p className="empty">{status ? t('outbox.emptyStatus', { status: t(`outbox.statuses.${status}`) }) : t('outbox.empty')}</p>}
      <ul className="outbox-list" aria-busy={outbox.isFetching}>
        {messages.map((message) => (
          <li key={message.id}>
            <MessageDetails message={message} timeZone={user.timeZone} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** The platform admin's view of the local mail outbox (resets, invitations…). */
export function OutboxPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn>
      {(user) =>
        user.isAdmin ? (
          <div className="page">
            <PageHeading title={t('outbox.title')}>{t('outbox.title')}</PageHeading>
            <p>{t('outbox.intro')}</p>
            <Outbox user={user} />
          </div>
        ) : (
          <NotFoundPage title={t('forbidden.title')} body={t('forbidden.body')} />
        )
      }
    </RequireSignIn>
  );
}
