import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/limits.ts';
import { TextAreaField, TextField } from '../../../components/Field.tsx';
import { fieldId } from '../../../components/form-errors.ts';
import { addUnique } from './guide-form.ts';
import type { StepProps } from './step-props.ts';

export function StepNeed({ draft, change, errors }: StepProps) {
  const { t } = useTranslation();
  const full = draft.topics.length >= LIMITS.topics;

  function addTopic() {
    change({ topics: addUnique(draft.topics, draft.topicInput).slice(0, LIMITS.topics), topicInput: '' });
  }

  function onTopicKey(event: KeyboardEvent<HTMLInputElement>) {
    // Enter adds the topic instead of submitting the whole step.
    if (event.key === 'Enter') {
      event.preventDefault();
      addTopic();
    }
  }

  return (
    <>
      <TextField
        id={fieldId('name')}
        label={t('guide.need.name')}
        hint={t('guide.need.nameHint')}
        error={errors.field('name')}
        value={draft.name}
        onChange={(e) => change({ name: e.target.value })}
        maxLength={LIMITS.groupName}
        required
      />
      <TextAreaField
        id={fieldId('purpose')}
        label={t('guide.need.purpose')}
        hint={t('guide.need.purposeHint')}
        error={errors.field('purpose')}
        value={draft.purpose}
        onChange={(e) => change({ purpose: e.target.value })}
        maxLength={LIMITS.purpose}
        rows={6}
      />
      <div className="field-with-button">
        <TextField
          id={fieldId('topics')}
          label={t('guide.need.topics')}
          hint={t('guide.need.topicsHint', { max: LIMITS.topics })}
          error={errors.field('topics')}
          value={draft.topicInput}
          onChange={(e) => change({ topicInput: e.target.value })}
          onKeyDown={onTopicKey}
          maxLength={LIMITS.topic}
          disabled={full}
        />
        <button type="button" className="button button-secondary" onClick={addTopic} disabled={full || !draft.topicInput.trim()}>
          {t('guide.need.addTopic')}
        </button>
      </div>
      {draft.topics.length > 0 && (
        // No aria-label: "Chosen topics" would also answer to the label "Topics".
        <ul className="chips">
          {draft.topics.map((topic) => (
            <li key={topic}>
              <span>{topic}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('common.remove', { item: topic })}
                onClick={() => change({ topics: draft.topics.filter((tp) => tp !== topic) })}
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
