import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LEADERSHIPS, LIMITS, type Leadership } from '../../../shared/limits.ts';
import { RadioGroup, TextField } from '../../components/Field.tsx';
import { useModal } from '../../components/use-modal.ts';
import type { Member } from '../../../shared/api/memberships.schemas.ts';

/** Opens a small dialog asking which kind of co-leader the member becomes. */
export function PromoteButton({
  member,
  disabled,
  onPromote,
}: {
  member: Member;
  disabled: boolean;
  onPromote: (leaderType: Leadership, profession: string) => void;
}) {
  const { t } = useTranslation();
  const modal = useModal();
  const id = useId();
  const [leaderType, setLeaderType] = useState<Leadership>('peer');
  const [profession, setProfession] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    modal.close();
    onPromote(leaderType, leaderType === 'professional' ? profession.trim() : '');
  }

  return (
    <>
      <button type="button" className="button button-secondary button-small" disabled={disabled} onClick={modal.show}>
        {t('members.makeCoLeader')}
      </button>
      <dialog {...modal.dialogProps} className="dialog" aria-labelledby={modal.open ? `${id}-title` : undefined}>
        {modal.open && (
          <form onSubmit={submit} className="form">
            <h2 id={`${id}-title`}>{t('members.promoteTitle', { name: member.displayName })}</h2>
            <RadioGroup
              id={`${id}-type`}
              name={`${id}-type`}
              legend={t('members.leaderType')}
              value={leaderType}
              onChange={setLeaderType}
              choices={LEADERSHIPS.map((l) => ({ value: l, label: t(`enums.leaderType.${l}`), help: t(`enums.leadershipHelp.${l}`) }))}
            />
            {leaderType === 'professional' && (
              <TextField
                id={`${id}-profession`}
                label={t('members.profession')}
                optional
                value={profession}
                onChange={(e) => setProfession(e.target.value)}
                maxLength={LIMITS.profession}
              />
            )}
            <div className="actions">
              <button type="submit" className="button">
                {t('members.confirmPromote')}
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
