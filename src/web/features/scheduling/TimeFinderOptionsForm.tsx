import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { CheckboxGroup, SelectField, TextField } from '../../components/Field.tsx';
import { fieldId, formErrors } from '../../components/form-errors.ts';
import type { User } from '../../../shared/api/accounts.schemas.ts';
import type { Group } from '../../../shared/api/groups.schemas.ts';
import { cityOf } from './scheduling-format.ts';
import type { TimeFinderOptions } from './scheduling-queries.ts';

const DURATIONS = [30, 45, 60, 75, 90, 105, 120, 150, 180];
const WEEKS = [1, 2, 4, 6, 8, 12];

/** What to look for: length, weeks, who must come, which zone to read the times in. */
export function OptionsForm({
  group,
  user,
  initial,
  zones,
  error,
  onSubmit,
}: {
  group: Group;
  user: User;
  initial: TimeFinderOptions;
  zones: string[];
  error: unknown;
  onSubmit: (options: TimeFinderOptions) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const groupZone = group.timeZone ?? user.timeZone;
  const labels = {
    durationMinutes: t('scheduling.finder.duration'),
    from: t('scheduling.finder.from'),
    weeks: t('scheduling.finder.weeks'),
    mustHave: t('scheduling.finder.mustHave'),
    zone: t('scheduling.finder.zone'),
  };
  const errors = formErrors(isApiError(error, 400) ? error : null, labels);
  const zoneChoices = [
    { value: user.timeZone, label: t('scheduling.finder.zoneMine', { zone: cityOf(user.timeZone) }) },
    ...(groupZone !== user.timeZone ? [{ value: groupZone, label: t('scheduling.finder.zoneGroup', { zone: cityOf(groupZone) }) }] : []),
    ...zones
      .filter((z) => z !== user.timeZone && z !== groupZone)
      .sort()
      .map((z) => ({ value: z, label: z.replace(/_/g, ' ') })),
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };
  return (
    <form className="form finder-options" noValidate onSubmit={submit} aria-labelledby="finder-options-title" data-testid="finder-options">
      <h2 id="finder-options-title">{t('scheduling.finder.options')}</h2>
      <ErrorSummary errors={errors} />
      <div className="finder-options-grid">
        <SelectField
          id={fieldId('durationMinutes')}
          label={labels.durationMinutes}
          error={errors.field('durationMinutes')}
          value={draft.durationMinutes}
          onChange={(e) => setDraft({ ...draft, durationMinutes: Number(e.target.value) })}
        >
          {DURATIONS.map((d) => (
            <option key={d} value={d}>
              {t('sessions.minutes', { count: d })}
            </option>
          ))}
        </SelectField>
        <TextField
          id={fieldId('from')}
          type="date"
          label={labels.from}
          error={errors.field('from')}
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
        <SelectField
          id={fieldId('weeks')}
          label={labels.weeks}
          error={errors.field('weeks')}
          value={draft.weeks}
          onChange={(e) => setDraft({ ...draft, weeks: Number(e.target.value) })}
        >
          {WEEKS.map((w) => (
            <option key={w} value={w}>
              {t('scheduling.finder.weeksValue', { count: w })}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={fieldId('zone')}
          label={labels.zone}
          error={errors.field('zone')}
          value={draft.zone}
          onChange={(e) => setDraft({ ...draft, zone: e.target.value })}
        >
          {zoneChoices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </SelectField>
      </div>
      <CheckboxGroup
        id={fieldId('mustHave')}
        legend={labels.mustHave}
        hint={t('scheduling.finder.mustHaveHint')}
        error={errors.field('mustHave')}
        values={draft.mustHave}
        onChange={(mustHave) => setDraft({ ...draft, mustHave })}
        choices={group.leaders.map((l) => ({ value: l.userId, label: l.displayName }))}
      />
      <div className="choice">
        <input id="finder-online-only" type="checkbox" checked={draft.onlineOnly} onChange={(e) => setDraft({ ...draft, onlineOnly: e.target.checked })} />
        <label htmlFor="finder-online-only">{t('scheduling.finder.onlineOnly')}</label>
      </div>
      <div className="actions">
        <button type="submit" className="button">
          {t('scheduling.finder.find')}
        </button>
      </div>
    </form>
  );
}
