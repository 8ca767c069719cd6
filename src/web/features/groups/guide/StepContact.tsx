import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguageTag } from '../../../../shared/language-tag.ts';
import { LIMITS, MODES, VISIBILITIES } from '../../../../shared/limits.ts';
import { CheckboxGroup, RadioGroup, TextField } from '../../../components/Field.tsx';
import { fieldId } from '../../../components/form-errors.ts';
import { TimeZoneSelect } from '../../../components/TimeZoneSelect.tsx';
import { languageName } from '../../../i18n/format.ts';
import { PlaceCombobox } from '../../directory/PlaceCombobox.tsx';
import { addUnique } from './guide-form.ts';
import type { StepProps } from './step-props.ts';

/** Offered without typing; any other BCP 47 code can be added by hand. */
const COMMON_LANGUAGES = ['en', 'fr', 'es', 'de', 'it', 'pt', 'pt-BR', 'nl', 'ar', 'zh', 'hi', 'ru', 'uk', 'pl', 'tr', 'ro', 'sw', 'vi', 'ja', 'ko'];

export function StepContact({ draft, change, errors }: StepProps) {
  const { t, i18n } = useTranslation();
  const [languageError, setLanguageError] = useState<string | undefined>();
  const offered = [...COMMON_LANGUAGES, ...draft.languages.filter((code) => !COMMON_LANGUAGES.some((c) => c.toLowerCase() === code.toLowerCase()))];

  function addLanguage() {
    const code = draft.languageInput.trim();
    if (!code) return;
    if (!isLanguageTag(code)) {
      setLanguageError(t('guide.contact.invalidLanguage'));
      return;
    }
    setLanguageError(undefined);
    change({ languages: addUnique(draft.languages, code).slice(0, LIMITS.languages), languageInput: '' });
  }

  function onLanguageKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      addLanguage();
    }
  }

  return (
    <>
      <CheckboxGroup
        id={fieldId('modes')}
        legend={t('guide.contact.modes')}
        hint={t('guide.contact.modesHint')}
        error={errors.field('modes')}
        values={draft.modes}
        onChange={(modes) => change({ modes })}
        choices={MODES.map((m) => ({ value: m, label: t(`enums.mode.${m}`), help: t(`enums.modeHelp.${m}`) }))}
      />
      {draft.modes.includes('in-person') && (
        <PlaceCombobox
          id={fieldId('place')}
          label={t('directory.placeField.label')}
          hint={t('directory.placeField.hint')}
          optional
          error={errors.field('place')}
          value={draft.place}
          onChange={(place) =>
            change({
              place: place
                ? {
                    name: place.name,
                    countryCode: place.countryCode,
                    ...(place.admin1 ? { admin1: place.admin1 } : {}),
                    latitude: place.latitude,
                    longitude: place.longitude,
                  }
                : null,
            })
          }
        />
      )}
      <CheckboxGroup
        id={fieldId('languages')}
        legend={t('guide.contact.languages')}
        hint={t('guide.contact.languagesHint')}
        error={errors.field('languages')}
        values={draft.languages}
        onChange={(languages) => change({ languages })}
        className="choices-columns"
        choices={offered.map((code) => ({ value: code, label: languageName(code, i18n.language) }))}
      />
      <div className="field-with-button">
        <TextField
          id="field-language-other"
          label={t('guide.contact.otherLanguage')}
          error={languageError}
          value={draft.languageInput}
          onChange={(e) => change({ languageInput: e.target.value })}
          onKeyDown={onLanguageKey}
          autoComplete="off"
          spellCheck={false}
          maxLength={35}
        />
        <button type="button" className="button button-secondary" onClick={addLanguage} disabled={!draft.languageInput.trim()}>
          {t('guide.contact.addLanguage')}
        </button>
      </div>
      <TimeZoneSelect
        id={fieldId('timeZone')}
        label={t('guide.contact.timeZone')}
        hint={t('guide.contact.timeZoneHint')}
        error={errors.field('timeZone')}
        value={draft.timeZone}
        onChange={(timeZone) => change({ timeZone })}
      />
      <RadioGroup
        id={fieldId('visibility')}
        name="visibility"
        legend={t('guide.contact.visibility')}
        error={errors.field('visibility')}
        value={draft.visibility}
        onChange={(visibility) => change({ visibility })}
        choices={VISIBILITIES.map((v) => ({ value: v, label: t(`enums.visibility.${v}`), help: t(`enums.visibilityHelp.${v}`) }))}
      />
    </>
  );
}
