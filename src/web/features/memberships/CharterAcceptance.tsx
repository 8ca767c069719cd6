import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { MultilineText } from '../../components/MultilineText.tsx';
import type { Group } from '../../../shared/api/groups.schemas.ts';
import { useCharterConsent } from './charter-consent.ts';
import { CharterConsentField } from './CharterConsentField.tsx';
import { useAcceptCharter } from './membership-queries.ts';

/** Shown to members when the charter changed since they accepted it. */
export function CharterAcceptance({ group }: { group: Group }) {
  const { t } = useTranslation();
  const accept = useAcceptCharter(group.slug);
  const consent = useCharterConsent(accept.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (consent.confirm()) accept.mutate();
  }

  return (
    <section className="callout callout-warning" aria-labelledby="charter-changed-title">
      <h2 id="charter-changed-title">{t('join.charterChangedTitle')}</h2>
      <p>{t('join.charterChangedBody')}</p>
      {group.charter && <MultilineText text={group.charter} className="charter" />}
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={consent.errors} />
        <CharterConsentField consent={consent} />
        <div className="actions">
          <button type="submit" className="button" disabled={accept.isPending}>
            {t('join.acceptNewCharter')}
          </button>
        </div>
      </form>
    </section>
  );
}
