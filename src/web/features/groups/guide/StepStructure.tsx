import { useTranslation } from 'react-i18next';
import { FORMATS, LIMITS, MEMBERSHIP_POLICIES, RHYTHMS } from '../../../../shared/limits.ts';
import { RadioGroup, TextField } from '../../../components/Field.tsx';
import { fieldId } from '../../../components/form-errors.ts';
import type { RhythmChoice } from './guide-form.ts';
import type { StepProps } from './step-props.ts';

export function StepStructure({ draft, change, errors }: StepProps) {
  const { t } = useTranslation();
  const rhythmChoices: { value: RhythmChoice; label: string }[] = [
    ...RHYTHMS.map((r) => ({ value: r, label: t(`enums.rhythm.${r}`) })),
    { value: 'other', label: t('guide.structure.rhythmOther') },
    { value: 'undecided', label: t('common.notDecided') },
  ];

  return (
    <>
      <RadioGroup
        id={fieldId('structure.membership')}
        name="membership"
        legend={t('guide.structure.membership')}
        error={errors.field('structure.membership')}
        value={draft.membership}
        onChange={(membership) => change({ membership })}
        choices={MEMBERSHIP_POLICIES.map((m) => ({ value: m, label: t(`enums.membership.${m}`), help: t(`enums.membershipHelp.${m}`) }))}
      />
      <RadioGroup
        id={fieldId('structure.format')}
        name="format"
        legend={t('guide.structure.format')}
        error={errors.field('structure.format')}
        value={draft.format}
        onChange={(format) => change({ format })}
        choices={FORMATS.map((f) => ({ value: f, label: t(`enums.format.${f}`), help: t(`enums.formatHelp.${f}`) }))}
      />
      <TextField
        id={fieldId('structure.maxMembers')}
        label={t('guide.structure.maxMembers')}
        hint={t('guide.structure.maxMembersHint', { min: LIMITS.maxMembersMin, max: LIMITS.maxMembersMax })}
        error={errors.field('structure.maxMembers')}
        optional
        type="number"
        inputMode="numeric"
        min={LIMITS.maxMembersMin}
        max={LIMITS.maxMembersMax}
        step={1}
        value={draft.maxMembers}
        onChange={(e) => change({ maxMembers: e.target.value })}
        className="input-short"
      />
      <RadioGroup
        id={fieldId('structure.rhythm')}
        name="rhythm"
        legend={t('guide.structure.rhythm')}
        error={errors.field('structure.rhythm')}
        value={draft.rhythmChoice}
        onChange={(rhythmChoice) => change({ rhythmChoice })}
        choices={rhythmChoices}
      />
      {draft.rhythmChoice === 'other' && (
        <TextField
          id="field-rhythm-other"
          label={t('guide.structure.rhythmOtherLabel')}
          hint={t('guide.structure.rhythmOtherHint')}
          value={draft.rhythmOther}
          onChange={(e) => change({ rhythmOther: e.target.value })}
          maxLength={LIMITS.rhythm}
        />
      )}
    </>
  );
}
