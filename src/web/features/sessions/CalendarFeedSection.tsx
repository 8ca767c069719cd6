import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { useCreateCalendarFeed, useRevokeCalendarFeed } from './session-queries.ts';
import './sessions.css';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Settings: a secret address a calendar app subscribes to, with every session of one's
 * groups. Asking again replaces it (the old one stops working); turning it off ends it.
 * The address is shown once, when made: it is a password in all but name.
 */
export function CalendarFeedSection() {
  const { t } = useTranslation();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [copied, setCopied] = useState<boolean | null>(null);
  const [revoked, setRevoked] = useState(false);
  const feed = revoked ? null : create.data;
  const failure = create.error ?? revoke.error;
  const busy = create.isPending || revoke.isPending;

  function make() {
    setCopied(null);
    setRevoked(false);
    create.mutate();
  }

  function turnOff() {
    setCopied(null);
    revoke.mutate(undefined, {
      onSuccess: () => {
        setRevoked(true);
        create.reset();
      },
    });
  }

  return (
    <section aria-labelledby="feed-title" className="panel" data-testid="calendar-feed">
      <h2 id="feed-title">{t('sessions.feed.title')}</h2>
      <p>{t('sessions.feed.intro')}</p>
      <p className="callout callout-warning">{t('sessions.feed.warning')}</p>
      {failure && (
        <p className="error-inline" role="alert">
          {failure.message}
        </p>
      )}
      {feed && (
        <div className="invitation-result">
          <p className="invitation-label" id="feed-url-label">
            {t('sessions.feed.url')}
          </p>
          <output className="feed-url" data-testid="feed-url" aria-labelledby="feed-url-label">
            {feed.url}
          </output>
          <p className="hint">{t('sessions.feed.howTo')}</p>
          <div className="actions">
            <button type="button" className="button button-secondary" onClick={() => void copyText(feed.url).then(setCopied)}>
              {t('sessions.feed.copy')}
            </button>
          </div>
        </div>
      )}
      <p role="status">
        {copied === true ? t('sessions.feed.copied') : copied === false ? t('sessions.feed.copyFailed') : revoked ? t('sessions.feed.revoked') : ''}
      </p>
      <div className="actions">
        {feed ? (
          <ConfirmButton
            label={t('sessions.feed.rotate')}
            title={t('sessions.feed.rotateTitle')}
            body={t('sessions.feed.rotateBody')}
            confirmLabel={t('sessions.feed.rotateConfirm')}
            onConfirm={make}
            disabled={busy}
          />
        ) : (
          <button type="button" className="button" onClick={make} disabled={busy}>
            {t('sessions.feed.create')}
          </button>
        )}
        <ConfirmButton
          label={t('sessions.feed.revoke')}
          title={t('sessions.feed.revokeTitle')}
          body={t('sessions.feed.revokeBody')}
          confirmLabel={t('sessions.feed.revokeConfirm')}
          onConfirm={turnOff}
          disabled={busy}
          danger
        />
      </div>
      {!feed && <p className="hint">{t('sessions.feed.createHint')}</p>}
    </section>
  );
}
