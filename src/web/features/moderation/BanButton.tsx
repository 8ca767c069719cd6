import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MODERATION_LIMITS } from '../../../shared/moderation.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { useModal } from '../../components/use-modal.ts';
import { plainId, scopedErrors } from '../discussions/scoped-errors.ts';
import { useBanMember } from './moderation-queries.ts';
import type { Person } from '../../../shared/api/moderation.schemas.ts';

/**
 * Bans a member from a group after asking: they leave it at once, lose their reply-by-mail
 * addresses and pending mail, and cannot join again until the ban is lifted.
 */
export function BanButton({ slug, person, onBanned, disabled }: { slug: string; person: Person; onBanned?: () => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const modal = useModal();
  const scope = plainId(useId());
  const ban = useBanMember(slug);
  const [reason, setReason] = useState('');
  const errors = scopedErrors(formErrors(ban.error, { reason: t('moderation.ban.reason') }), scope);

  function submit(event: FormEvent) {
    event.preventDefault();
    ban.mutate(
      { userId: person.id, reason: reason.trim() || null },
      {
        onSuccess: () => {
          modal.close();
          setReason('');
          onBanned?.();
        },
      },
    );
  }

  return (
    <>
      <button type="button" className="button button-danger-quiet button-small" onClick={modal.show} disabled={disabled} aria-haspopup="dialog">
        {t('moderation.ban.button', { name: person.displayName })}
      </button>
      <dialog {...modal.dialogProps} className="dialog" aria-labelledby={modal.open ? `${scope}-title` : undefined}>
        {modal.open && (
          <form noValidate onSubmit={submit}>
            <h2 id={`${scope}-title`}>{t('moderation.ban.title', { name: person.displayName })}</h2>
            <p>{t('moderation.ban.body')}</p>
            <ErrorSummary errors={errors} />
            <TextAreaField
              id={`${scope}-field-reason`}
              label={t('moderation.ban.reason')}
              hint={t('moderation.ban.reasonHint')}
              optional
              error={errors.field('reason')}
              value={reason}
              rows={3}
              maxLength={MODERATION_LIMITS.banReason}
              onChange={(e) => setReason(e.target.value)}
            />
            <div className="actions">
              <button type="submit" className="button button-danger" disabled={ban.isPending}>
                {t('moderation.ban.confirm')}
              </button>
              <button type="button" className="button button-secondary" onClick={modal.close}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}
