import { useTranslation } from 'react-i18next';
import { LEADERSHIPS, LIMITS } from '../../../../shared/limits.ts';
import { RadioGroup, TextField } from '../../../components/Field.tsx';
import { fieldId } from '../../../components/form-errors.ts';
import type { StepProps } from './step-props.ts';

export function StepLeaders({ draft, change, errors }: StepProps) {
  const { t } = useTranslation();
  return (
    <>
      <RadioGroup
        id={fieldId('leadership')}
        name="leadership"
        legend={t('guide.leaders.leadership')}
        error={errors.field('leadership')}
        value={draft.leadership}
        onChange={(leadership) => change({ leadership })}
        choices={LEADERSHIPS.map((l) => ({ value: l, label: t(`enums.leaderType.${l}`), help: t(`enums.leadershipHelp.${l}`) }))}
      />
      {draft.leadership === 'professional' && (
        <TextField
          id={fieldId('profession')}
          label={t('guide.leaders.profession')}
          hint={t('guide.leaders.professionHint')}
          error={errors.field('profession')}
          optional
          value={draft.profession}
          onChange={(e) => change({ profession: e.target.value })}
          maxLength={LIMITS.profession}
        />
      )}
      <p className="callout">{t('guide.leaders.coLeaders')}</p>
    </>
  );
}
