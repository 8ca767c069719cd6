import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

interface FieldFrame {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
}

/** Hint and error ids for `aria-describedby`, in reading order. */
function describedBy(id: string, hint: ReactNode, error: string | undefined, extra?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra ?? null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Frame({ id, label, hint, error, optional, children }: FieldFrame & { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> {t('common.optional')}</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

type InputProps = FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

export function TextField({ id, label, hint, error, optional, ...input }: InputProps) {
  return (
    <Frame id={id} label={label} hint={hint} error={error} optional={optional}>
      <input id={id} type="text" aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} {...input} />
    </Frame>
  );
}

type TextAreaProps = FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

export function TextAreaField({ id, label, hint, error, optional, ...textarea }: TextAreaProps) {
  return (
    <Frame id={id} label={label} hint={hint} error={error} optional={optional}>
      <textarea id={id} rows={6} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} {...textarea} />
    </Frame>
  );
}

type SelectProps = FieldFrame & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & { children: ReactNode };

export function SelectField({ id, label, hint, error, optional, children, ...select }: SelectProps) {
  return (
    <Frame id={id} label={label} hint={hint} error={error} optional={optional}>
      <select id={id} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} {...select}>
        {children}
      </select>
    </Frame>
  );
}

interface Choice<V extends string> {
  value: V;
  label: ReactNode;
  help?: ReactNode;
  lang?: string;
}

interface ChoiceGroupProps<V extends string> {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  choices: readonly Choice<V>[];
  className?: string;
}

interface RadioGroupProps<V extends string> extends ChoiceGroupProps<V> {
  name: string;
  value: V | null;
  onChange: (value: V) => void;
}

/**
 * Radio buttons in a fieldset. Each option's explanation is tied to its input with
 * aria-describedby rather than put inside the label, so the label stays the option's name.
 */
export function RadioGroup<V extends string>({ id, name, legend, hint, error, choices, value, onChange, className }: RadioGroupProps<V>) {
  return (
    <fieldset id={id} className={['choices', error ? 'field-invalid' : '', className ?? ''].join(' ').trim()} aria-describedby={describedBy(id, hint, error)}>
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {choices.map((choice) => {
        const choiceId = `${id}-${choice.value}`;
        return (
          <div className="choice" key={choice.value}>
            <input
              type="radio"
              id={choiceId}
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              aria-describedby={choice.help ? `${choiceId}-help` : undefined}
              aria-invalid={error ? true : undefined}
            />
            <label htmlFor={choiceId} lang={choice.lang}>
              {choice.label}
            </label>
            {choice.help && (
              <p id={`${choiceId}-help`} className="choice-help">
                {choice.help}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

interface CheckboxGroupProps<V extends string> extends ChoiceGroupProps<V> {
  values: readonly V[];
  onChange: (values: V[]) => void;
}

export function CheckboxGroup<V extends string>({ id, legend, hint, error, choices, values, onChange, className }: CheckboxGroupProps<V>) {
  const toggle = (value: V, on: boolean) => onChange(on ? [...values, value] : values.filter((v) => v !== value));
  return (
    <fieldset id={id} className={['choices', error ? 'field-invalid' : '', className ?? ''].join(' ').trim()} aria-describedby={describedBy(id, hint, error)}>
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {choices.map((choice) => {
        const choiceId = `${id}-${choice.value}`;
        return (
          <div className="choice" key={choice.value}>
            <input
              type="checkbox"
              id={choiceId}
              value={choice.value}
              checked={values.includes(choice.value)}
              onChange={(e) => toggle(choice.value, e.target.checked)}
              aria-describedby={choice.help ? `${choiceId}-help` : undefined}
            />
            <label htmlFor={choiceId} lang={choice.lang}>
              {choice.label}
            </label>
            {choice.help && (
              <p id={`${choiceId}-help`} className="choice-help">
                {choice.help}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

/** A single checkbox with its own error (the charter acceptance). */
export function CheckboxField({
  id,
  label,
  error,
  checked,
  onChange,
}: {
  id: string;
  label: ReactNode;
  error?: string | undefined;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <div className="choice">
        <input
          type="checkbox"
          id={id}
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <label htmlFor={id}>{label}</label>
      </div>
    </div>
  );
}
