import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/limits.ts';
import { TextAreaField } from '../../../components/Field.tsx';
import { fieldId } from '../../../components/form-errors.ts';
import { hasPoint, STARTER_POINTS, togglePoint } from './charter-starters.ts';
import type { StepProps } from './step-props.ts';

export function StepSpirit({ draft, change, errors }: StepProps) {
  const { t } = useTranslation();

  return (
    <>
      <fieldset className="choices" aria-describedby="starters-hint">
        <legend>{t('guide.spirit.starters')}</legend>
        <p id="starters-hint" className="hint">
          {t('guide.spirit.startersHint')}
        </p>
        {STARTER_POINTS.map((point) => {
          const text = t(`guide.spirit.points.${point}`);
          const id = `starter-${point}`;
          return (
            <div className="choice" key={point}>
              <input
                type="checkbox"
                id={id}
                checked={hasPoint(draft.charter, text)}
                onChange={(e) => change({ charter: togglePoint(draft.charter, text, e.target.checked) })}
              />
              <label htmlFor={id}>{text}</label>
            </div>
          );
        })}
      </fieldset>
      <TextAreaField
        id={fieldId('charter')}
        label={t('guide.spirit.charter')}
        hint={t('guide.spirit.charterHint')}
        error={errors.field('charter')}
        value={draft.charter}
        onChange={(e) => change({ charter: e.target.value })}
        maxLength={LIMITS.charter}
        rows={12}
      />
    </>
  );
}
