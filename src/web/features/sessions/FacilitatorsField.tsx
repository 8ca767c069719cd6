import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup, TextField } from '../../components/Field.tsx';
import { fieldId, type FormErrors } from '../../components/form-errors.ts';
import type { Leader } from '../../../shared/api/groups.schemas.ts';

const MAX_FACILITATORS = 10;

/** Who facilitates: some of the group's leaders, and guests named by hand. */
export function FacilitatorsField({
  leaders,
  leaderIds,
  guests,
  guestInput,
  onChange,
  errors,
}: {
  leaders: Leader[];
  leaderIds: string[];
  guests: string[];
  guestInput: string;
  onChange: (patch: { leaderIds?: string[]; guests?: string[]; guestInput?: string }) => void;
  errors: FormErrors;
}) {
  const { t } = useTranslation();
  const full = leaderIds.length + guests.length >= MAX_FACILITATORS;

  function addGuest() {
    const name = guestInput.trim();
    if (!name) return;
    const known = guests.some((g) => g.toLowerCase() === name.toLowerCase());
    onChange({ guests: known ? guests : [...guests, name], guestInput: '' });
  }

  function onGuestKey(event: KeyboardEvent<HTMLInputElement>) {
    // Enter adds the guest instead of sending the whole form.
    if (event.key === 'Enter') {
      event.preventDefault();
      addGuest();
    }
  }

  return (
    <>
      <CheckboxGroup
        id={fieldId('facilitators')}
        legend={t('sessions.form.facilitators')}
        hint={t('sessions.form.facilitatorsHint')}
        error={errors.field('facilitators')}
        values={leaderIds}
        onChange={(ids) => onChange({ leaderIds: ids })}
        choices={leaders.map((l) => ({ value: l.userId, label: l.displayName, help: t(`enums.leaderType.${l.leaderType}`) }))}
      />
      <div className="field-with-button">
        <TextField
          id="field-guest"
          label={t('sessions.form.guest')}
          hint={t('sessions.form.guestHint')}
          value={guestInput}
          onChange={(e) => onChange({ guestInput: e.target.value })}
          onKeyDown={onGuestKey}
          maxLength={80}
          disabled={full}
          autoComplete="off"
        />
        <button type="button" className="button button-secondary" onClick={addGuest} disabled={full || !guestInput.trim()}>
          {t('sessions.form.addGuest')}
        </button>
      </div>
      {guests.length > 0 && (
        <ul className="chips">
          {guests.map((guest) => (
            <li key={guest}>
              <span>{t('sessions.guestName', { name: guest })}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('common.remove', { item: guest })}
                onClick={() => onChange({ guests: guests.filter((g) => g !== guest) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
