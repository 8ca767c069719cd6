import { useTranslation } from 'react-i18next';
import { RadioGroup, TextAreaField, TextField } from '../../components/Field.tsx';
import { fieldId, type FormErrors } from '../../components/form-errors.ts';
import { hasLink, hasPlace, SESSION_MODES, type SessionMode } from '../../../shared/sessions.ts';

export interface ModeValues {
  mode: SessionMode;
  location: string;
  address: string;
  accessibility: string;
  onlineUrl: string;
  dialIn: string;
}

/**
 * In person (venue, address, access), online (video link and/or phone, for members only)
 * or both. `withExtras` false hides what the programme scheduler cannot carry.
 */
export function ModeFields({
  values,
  onChange,
  errors,
  withExtras = true,
}: {
  values: ModeValues;
  onChange: (patch: Partial<ModeValues>) => void;
  errors: FormErrors;
  withExtras?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <RadioGroup
        id={fieldId('mode')}
        name="mode"
        legend={t('sessions.form.mode')}
        error={errors.field('mode')}
        value={values.mode}
        onChange={(mode) => onChange({ mode })}
        choices={SESSION_MODES.map((m) => ({ value: m, label: t(`sessions.modes.${m}`), help: t(`sessions.modeHelp.${m}`) }))}
      />
      {hasPlace(values.mode) && (
        <>
          <TextField
            id={fieldId('location')}
            label={t('sessions.form.location')}
            hint={t('sessions.form.locationHint')}
            error={errors.field('location')}
            optional
            value={values.location}
            onChange={(e) => onChange({ location: e.target.value })}
            maxLength={200}
          />
          <TextAreaField
            id={fieldId('address')}
            label={t('sessions.form.address')}
            error={errors.field('address')}
            optional
            rows={3}
            value={values.address}
            onChange={(e) => onChange({ address: e.target.value })}
            maxLength={500}
          />
          {withExtras && (
            <TextAreaField
              id={fieldId('accessibility')}
              label={t('sessions.form.accessibility')}
              hint={t('sessions.form.accessibilityHint')}
              error={errors.field('accessibility')}
              optional
              rows={3}
              value={values.accessibility}
              onChange={(e) => onChange({ accessibility: e.target.value })}
              maxLength={1000}
            />
          )}
        </>
      )}
      {hasLink(values.mode) && (
        <>
          <TextField
            id={fieldId('onlineUrl')}
            label={t('sessions.form.onlineUrl')}
            hint={t('sessions.form.onlineUrlHint')}
            error={errors.field('onlineUrl')}
            optional
            type="url"
            inputMode="url"
            spellCheck={false}
            autoComplete="off"
            value={values.onlineUrl}
            onChange={(e) => onChange({ onlineUrl: e.target.value })}
            maxLength={500}
          />
          {withExtras && (
            <TextField
              id={fieldId('dialIn')}
              label={t('sessions.form.dialIn')}
              hint={t('sessions.form.dialInHint')}
              error={errors.field('dialIn')}
              optional
              value={values.dialIn}
              onChange={(e) => onChange({ dialIn: e.target.value })}
              maxLength={200}
            />
          )}
        </>
      )}
    </>
  );
}
