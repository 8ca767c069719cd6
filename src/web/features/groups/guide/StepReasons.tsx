import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/limits.ts';
import { TextAreaField } from '../../../components/Field.tsx';
import { fieldId } from '../../../components/form-errors.ts';
import type { StepProps } from './step-props.ts';

const PROMPTS = ['noneExists', 'differentApproach', 'differentTopic', 'distance', 'now'] as const;

export function StepReasons({ draft, change, errors }: StepProps) {
  const { t } = useTranslation();

  function addPrompt(sentence: string) {
    const base = draft.reasons.replace(/\s+$/, '');
    change({ reasons: base ? `${base}\n${sentence} ` : `${sentence} ` });
    document.getElementById(fieldId('reasons'))?.focus();
  }

  return (
    <>
      <div className="prompts" role="group" aria-labelledby="reason-prompts-title" aria-describedby="reason-prompts-hint">
        <p id="reason-prompts-title" className="prompts-title">
          {t('guide.reasons.promptsLabel')}
        </p>
        <p id="reason-prompts-hint" className="hint">
          {t('guide.reasons.promptsHint')}
        </p>
        <ul>
          {PROMPTS.map((key) => {
            const sentence = t(`guide.reasons.prompts.${key}`);
            return (
              <li key={key}>
                <button type="button" className="button button-prompt" onClick={() => addPrompt(sentence)}>
                  <span aria-hidden="true">+ </span>
                  {sentence}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      <TextAreaField
        id={fieldId('reasons')}
        label={t('guide.reasons.label')}
        hint={t('guide.reasons.hint')}
        error={errors.field('reasons')}
        value={draft.reasons}
        onChange={(e) => change({ reasons: e.target.value })}
        maxLength={LIMITS.reasons}
        rows={8}
      />
    </>
  );
}
