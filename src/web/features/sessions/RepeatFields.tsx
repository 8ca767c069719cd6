import { useTranslation } from 'react-i18next';
import { CheckboxGroup, RadioGroup, SelectField, TextField } from '../../components/Field.tsx';
import { fieldId, type FormErrors } from '../../components/form-errors.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { MONTH_WEEKS, REPEAT_ENDS, REPEAT_KINDS, WEEKDAYS, type MonthWeek, type RepeatDraft, type RepeatKind, type Weekday } from './repeat-rule.ts';
import { useRepeatSummary } from './repeat-summary.ts';
import { weekdayName } from './session-format.ts';

/**
 * How a session repeats, in words a leader uses: not at all, every week or every few weeks
 * on chosen days, or monthly on the nth (or last) weekday; ending never, after a number of
 * sessions or on a date. The plain-language summary below is what members will read.
 */
export function RepeatFields({ repeat, onChange, errors }: { repeat: RepeatDraft; onChange: (repeat: RepeatDraft) => void; errors: FormErrors }) {
  const { t } = useTranslation();
  const summary = useRepeatSummary();
  const locale = currentLocale();
  const change = (patch: Partial<RepeatDraft>) => onChange({ ...repeat, ...patch });
  const kinds: RepeatKind[] = repeat.kind === 'custom' ? [...REPEAT_KINDS, 'custom'] : [...REPEAT_KINDS];
  const weekly = repeat.kind === 'weekly' || repeat.kind === 'weeks';

  return (
    <>
      <RadioGroup
        id={fieldId('recurrence')}
        name="repeat"
        legend={t('sessions.repeat.legend')}
        error={errors.field('recurrence')}
        value={repeat.kind}
        onChange={(kind) => change({ kind })}
        choices={kinds.map((k) => ({ value: k, label: t(`sessions.repeat.kinds.${k}`) }))}
        className="choices-inline"
      />
      {repeat.kind !== 'none' && (
        <div className="repeat-details">
          {repeat.kind === 'weeks' && (
            <TextField
              id={fieldId('repeat.interval')}
              label={t('sessions.repeat.interval')}
              hint={t('sessions.repeat.intervalHint')}
              error={errors.field('repeat.interval')}
              type="number"
              inputMode="numeric"
              min={2}
              max={99}
              step={1}
              value={repeat.interval}
              onChange={(e) => change({ interval: e.target.value })}
              className="input-short"
            />
          )}
          {weekly && (
            <CheckboxGroup
              id={fieldId('repeat.days')}
              legend={t('sessions.repeat.days')}
              error={errors.field('repeat.days')}
              values={repeat.days}
              onChange={(days) => change({ days })}
              choices={WEEKDAYS.map((d) => ({ value: d, label: weekdayName(d, locale) }))}
              className="choices-inline"
            />
          )}
          {repeat.kind === 'monthly' && (
            <div className="select-pair">
              <SelectField
                id={fieldId('repeat.monthWeek')}
                label={t('sessions.repeat.monthWeek')}
                value={repeat.monthWeek}
                onChange={(e) => change({ monthWeek: e.target.value as MonthWeek })}
              >
                {MONTH_WEEKS.map((w) => (
                  <option key={w} value={w}>
                    {t(`sessions.repeat.ordinal.${w}`)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                id={fieldId('repeat.monthDay')}
                label={t('sessions.repeat.monthDay')}
                value={repeat.monthDay}
                onChange={(e) => change({ monthDay: e.target.value as Weekday })}
              >
                {WEEKDAYS.map((d) => (
                  <option key={d} value={d}>
                    {weekdayName(d, locale)}
                  </option>
                ))}
              </SelectField>
            </div>
          )}
          {repeat.kind === 'custom' && (
            <TextField
              id={fieldId('repeat.custom')}
              label={t('sessions.repeat.custom')}
              hint={t('sessions.repeat.customHint')}
              error={errors.field('repeat.custom')}
              value={repeat.custom}
              onChange={(e) => change({ custom: e.target.value.toUpperCase() })}
              spellCheck={false}
              autoComplete="off"
              maxLength={300}
            />
          )}
          {repeat.kind !== 'custom' && (
            <>
              <RadioGroup
                id={fieldId('repeat.end')}
                name="repeat-end"
                legend={t('sessions.repeat.ends')}
                value={repeat.end}
                onChange={(end) => change({ end })}
                choices={REPEAT_ENDS.map((e) => ({ value: e, label: t(`sessions.repeat.endKinds.${e}`) }))}
              />
              {repeat.end === 'count' && (
                <TextField
                  id={fieldId('repeat.count')}
                  label={t('sessions.repeat.count')}
                  error={errors.field('repeat.count')}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={1000}
                  step={1}
                  value={repeat.count}
                  onChange={(e) => change({ count: e.target.value })}
                  className="input-short"
                />
              )}
              {repeat.end === 'until' && (
                <TextField
                  id={fieldId('repeat.until')}
                  label={t('sessions.repeat.until')}
                  error={errors.field('repeat.until')}
                  type="date"
                  value={repeat.until}
                  onChange={(e) => change({ until: e.target.value })}
                  className="input-short"
                />
              )}
            </>
          )}
        </div>
      )}
      <p className="repeat-summary" data-testid="repeat-summary" aria-live="polite">
        {summary(repeat)}
      </p>
    </>
  );
}
