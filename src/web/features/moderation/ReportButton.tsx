import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MODERATION_LIMITS, REPORT_REASONS, type ReportReason } from '../../../shared/moderation.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { RadioGroup, TextAreaField } from '../../components/Field.tsx';
import { formErrors, localErrors, type FormErrors } from '../../components/form-errors.ts';
import { useModal } from '../../components/use-modal.ts';
import { plainId, scopedErrors } from '../discussions/scoped-errors.ts';
import { useReportPost } from './moderation-queries.ts';
import type { PostKind } from '../../../shared/api/moderation.schemas.ts';

function ReportForm({ target, scope, onSent, onCancel }: { target: { kind: PostKind; id: string }; scope: string; onSent: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const report = useReportPost();
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<FormErrors | null>(null);
  const labels = { reason: t('moderation.report.reason'), note: t('moderation.report.note') };
  const errors = scopedErrors(missing ?? formErrors(report.error, labels), scope);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason) {
      setMissing(localErrors([{ path: 'reason', label: labels.reason, message: t('moderation.report.reasonRequired') }]));
      return;
    }
    setMissing(null);
    report.mutate({ ...target, reason, note: note.trim() || null }, { onSuccess: onSent });
  }

  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} />
      <RadioGroup
        id={`${scope}-field-reason`}
        name={`${scope}-reason`}
        legend={labels.reason}
        error={errors.field('reason')}
        value={reason}
        onChange={setReason}
        choices={REPORT_REASONS.map((value) => ({ value, label: t(`moderation.reasons.${value}`) }))}
      />
      {reason === 'harm' && <p className="callout callout-warning">{t('moderation.report.harmHint')}</p>}
      <TextAreaField
        id={`${scope}-field-note`}
        label={labels.note}
        hint={t('moderation.report.noteHint')}
        optional
        error={errors.field('note')}
        value={note}
        rows={3}
        maxLength={MODERATION_LIMITS.note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={report.isPending}>
          {t('moderation.report.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * "Report" beside someone else's post: a small modal form (reason, optional note) sent to
 * the group's moderators. The reporter's name is shown to moderators only.
 */
export function ReportButton({ target, authorName }: { target: { kind: PostKind; id: string }; authorName: string }) {
  const { t } = useTranslation();
  const modal = useModal();
  const scope = plainId(useId());
  const [sent, setSent] = useState(false);

  return (
    <>
      <button type="button" className="button button-quiet button-small" onClick={modal.show} aria-haspopup="dialog">
        {t('moderation.report.button')}
      </button>
      <dialog {...modal.dialogProps} className="dialog" aria-labelledby={modal.open ? `${scope}-title` : undefined}>
        {modal.open && (
          <>
            <h2 id={`${scope}-title`}>{target.kind === 'thread' ? t('moderation.report.titleThread') : t('moderation.report.titleComment')}</h2>
            <p>{t('moderation.report.intro', { name: authorName })}</p>
            <ReportForm
              target={target}
              scope={scope}
              onCancel={modal.close}
              onSent={() => {
                setSent(true);
                modal.close();
              }}
            />
          </>
        )}
      </dialog>
      <span role="status" className="report-status">
        {sent ? t('moderation.report.sent') : ''}
      </span>
    </>
  );
}
