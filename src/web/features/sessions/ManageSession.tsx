import { lazy, Suspense, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/Field.tsx';
import { fieldId, formErrors } from '../../components/form-errors.ts';
import { noticeState } from '../../components/notice.ts';
import { Loading } from '../../components/QueryStates.tsx';
import { useModal } from '../../components/use-modal.ts';
import { groupPath } from '../groups/group-labels.ts';
import { editSessionPath, occurrencePath } from './session-paths.ts';
import { useDeleteSession, useOccurrenceAction, useUpdateSession } from './session-queries.ts';
import { hasLink } from '../../../shared/sessions.ts';
import type { OccurrenceDetailResponse as OccurrenceDetail, SessionOut as Session } from '../../../shared/api/sessions.schemas.ts';

// The form and its time-zone arithmetic load when a leader opens it.
const MoveForm = lazy(() => import('./MoveOccurrenceForm.tsx').then((m) => ({ default: m.MoveOccurrenceForm })));

/** Moves one occurrence to another day or time on the session's clock; the series stays. */
function MoveButton({ session, startsAt, durationMinutes }: { session: Session; startsAt: string; durationMinutes: number }) {
  const { t } = useTranslation();
  const modal = useModal();
  const navigate = useNavigate();
  const id = useId();
  return (
    <>
      <button type="button" className="button button-secondary" onClick={modal.show}>
        {t('sessions.move.open')}
      </button>
      <dialog {...modal.dialogProps} className="dialog" aria-labelledby={modal.open ? `${id}-title` : undefined}>
        {modal.open && (
          <Suspense fallback={<Loading />}>
            <MoveForm
              session={session}
              startsAt={startsAt}
              durationMinutes={durationMinutes}
              titleId={`${id}-title`}
              onCancel={modal.close}
              onDone={(moved) => {
                modal.close();
                navigate(occurrencePath(session.id, moved), { replace: true, state: noticeState('occurrenceMoved') });
              }}
            />
          </Suspense>
        )}
      </dialog>
    </>
  );
}

function RotateForm({ session, titleId, onDone, onCancel }: { session: Session; titleId: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateSession(session.id);
  const [url, setUrl] = useState('');
  const errors = formErrors(update.error, { onlineUrl: t('sessions.rotate.newLink') });

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({ onlineUrl: url.trim() || null }, { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} noValidate className="form">
      <h2 id={titleId}>{t('sessions.rotate.title')}</h2>
      <p>{t('sessions.rotate.intro')}</p>
      <ErrorSummary errors={errors} />
      <TextField
        id={fieldId('onlineUrl')}
        label={t('sessions.rotate.newLink')}
        hint={t('sessions.rotate.hint')}
        error={errors.field('onlineUrl')}
        type="url"
        inputMode="url"
        spellCheck={false}
        autoComplete="off"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        maxLength={500}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {t('sessions.rotate.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Replaces the video link of every coming session, when the old one went further than the group. */
function RotateLinkButton({ session, onRotated }: { session: Session; onRotated: () => void }) {
  const { t } = useTranslation();
  const modal = useModal();
  const id = useId();
  return (
    <>
      <button type="button" className="button button-secondary" onClick={modal.show}>
        {t('sessions.rotate.open')}
      </button>
      <dialog {...modal.dialogProps} className="dialog" aria-labelledby={modal.open ? `${id}-title` : undefined}>
        {modal.open && (
          <RotateForm
            session={session}
            titleId={`${id}-title`}
            onCancel={modal.close}
            onDone={() => {
              modal.close();
              onRotated();
            }}
          />
        )}
      </dialog>
    </>
  );
}

/** Leaders: edit the whole session, replace its link, delete it. */
export function SessionTools({ session, from }: { session: Session; from?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteSession(session.id);
  const [rotated, setRotated] = useState(false);

  return (
    <>
      <div className="actions">
        {session.recurrence && from && (
          <Link className="button button-secondary" to={editSessionPath(session.id, from)}>
            {t('sessions.manage.editFollowing')}
          </Link>
        )}
        <Link className="button button-secondary" to={editSessionPath(session.id)}>
          {session.recurrence ? t('sessions.manage.editSeries') : t('sessions.manage.edit')}
        </Link>
        {hasLink(session.mode) && <RotateLinkButton session={session} onRotated={() => setRotated(true)} />}
        <ConfirmButton
          label={session.recurrence ? t('sessions.manage.deleteSeries') : t('sessions.manage.delete')}
          title={t('sessions.manage.deleteTitle', { title: session.title })}
          body={session.recurrence ? t('sessions.manage.deleteSeriesBody') : t('sessions.manage.deleteBody')}
          confirmLabel={t('sessions.manage.deleteConfirm')}
          onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate(groupPath(session.groupSlug), { state: noticeState('sessionDeleted') }) })}
          disabled={remove.isPending}
          danger
        />
      </div>
      <p role="status">{rotated ? t('sessions.rotate.done') : ''}</p>
      {remove.isError && (
        <p className="error-inline" role="alert">
          {remove.error.message}
        </p>
      )}
    </>
  );
}

/** Leaders, on one occurrence's page: this date only (move, cancel, restore), then the series. */
export function ManageOccurrence({ detail, past }: { detail: OccurrenceDetail; past: boolean }) {
  const { t } = useTranslation();
  const { session, occurrence } = detail;
  const cancel = useOccurrenceAction(session.id, 'cancel');
  const restore = useOccurrenceAction(session.id, 'restore');
  const failure = cancel.error ?? restore.error;
  const durationMinutes = Math.round((Date.parse(occurrence.endsAt) - Date.parse(occurrence.startsAt)) / 60_000);

  return (
    <section className="section panel manage-panel" aria-labelledby="manage-title" data-testid="manage-occurrence">
      <h2 id="manage-title">{t('sessions.manage.title')}</h2>
      <h3>{t('sessions.manage.thisDate')}</h3>
      <p className="muted">{past && occurrence.status !== 'cancelled' ? t('sessions.manage.pastHint') : t('sessions.manage.thisDateHint')}</p>
      {failure && (
        <p className="error-inline" role="alert">
          {failure.message}
        </p>
      )}
      <div className="actions">
        {occurrence.status === 'cancelled' ? (
          <button type="button" className="button button-secondary" disabled={restore.isPending} onClick={() => restore.mutate(occurrence.startsAt)}>
            {t('sessions.manage.restore')}
          </button>
        ) : (
          !past && (
            <>
              <MoveButton session={session} startsAt={occurrence.startsAt} durationMinutes={durationMinutes} />
              <ConfirmButton
                label={t('sessions.manage.cancel')}
                title={t('sessions.manage.cancelTitle')}
                body={t('sessions.manage.cancelBody')}
                confirmLabel={t('sessions.manage.cancelConfirm')}
                onConfirm={() => cancel.mutate(occurrence.startsAt)}
                disabled={cancel.isPending}
                danger
              />
            </>
          )
        )}
      </div>
      <h3>{session.recurrence ? t('sessions.manage.series') : t('sessions.manage.session')}</h3>
      <SessionTools session={session} from={occurrence.status === 'cancelled' ? undefined : occurrence.startsAt} />
    </section>
  );
}
