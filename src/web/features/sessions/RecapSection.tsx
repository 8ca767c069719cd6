import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { fieldId, formErrors } from '../../components/form-errors.ts';
import { MultilineText } from '../../components/MultilineText.tsx';
import { useWriteRecap } from './session-queries.ts';
import { useWhen } from './session-format.ts';
import type { OccurrenceDetailResponse as OccurrenceDetail } from '../../../shared/api/sessions.schemas.ts';

function RecapForm({ detail }: { detail: OccurrenceDetail }) {
  const { t } = useTranslation();
  const write = useWriteRecap(detail.occurrence.sessionId);
  const [body, setBody] = useState(detail.recap?.body ?? '');
  const [saved, setSaved] = useState(false);
  const errors = formErrors(write.error, { body: t('sessions.recap.label') });

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    write.mutate({ occurrenceStart: detail.occurrence.startsAt, body }, { onSuccess: () => setSaved(true) });
  }

  return (
    <form onSubmit={submit} noValidate className="form" data-testid="recap-form">
      <ErrorSummary errors={errors} />
      <TextAreaField
        id={fieldId('body')}
        label={t('sessions.recap.label')}
        hint={t('sessions.recap.hint')}
        error={errors.field('body')}
        rows={6}
        value={body}
        onChange={(e) => {
          setSaved(false);
          setBody(e.target.value);
        }}
        maxLength={10000}
      />
      <div className="actions">
        <button type="submit" className="button button-secondary" disabled={write.isPending}>
          {t('sessions.recap.save')}
        </button>
      </div>
      <p role="status">{saved ? t('sessions.recap.saved') : ''}</p>
    </form>
  );
}

/** The short recap after a session: leaders write it, members read it. */
export function RecapSection({ detail, canWrite }: { detail: OccurrenceDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useWhen();
  const recap = detail.recap;
  if (!canWrite && !recap) return null;
  return (
    <section className="section" aria-labelledby="recap-title" data-testid="recap">
      <h2 id="recap-title">{t('sessions.recap.title')}</h2>
      {canWrite ? (
        <RecapForm detail={detail} />
      ) : (
        recap && (
          <>
            <MultilineText text={recap.body} className="prose" />
            <p className="muted">{t('sessions.recap.updated', { when: format.full(recap.updatedAt, format.viewerZone) })}</p>
          </>
        )
      )}
    </section>
  );
}
