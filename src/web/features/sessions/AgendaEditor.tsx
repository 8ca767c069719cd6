import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../shared/locale.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { fieldId, type FormErrors } from '../../components/form-errors.ts';
import { currentLocale, i18n } from '../../i18n/i18n.ts';
import { AGENDA_TEMPLATE_NAMES, moveRow, newRowKey, templateMinutes, templateRows, totalMinutes, type AgendaRow, type AgendaTemplate } from './agenda.ts';

/** Labels for the error summary: each row's fields by number, then the agenda as a whole. */
export function agendaLabels(path: string, count: number, name: (n: number) => string, whole: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (let i = 0; i < count; i += 1) {
    labels[`${path}.${i}.title`] = name(i + 1);
    labels[`${path}.${i}.minutes`] = name(i + 1);
  }
  labels[path] = whole;
  return labels;
}

interface AgendaEditorProps {
  /** The API path of the list (`agenda`, `parts.2.agenda`): ids and errors follow it. */
  path: string;
  legend: string;
  rows: AgendaRow[];
  onChange: (rows: AgendaRow[]) => void;
  /** The session's length, to compare the parts with; null when unknown. */
  durationMinutes: number | null;
  errors: FormErrors;
}

/**
 * An agenda as timed parts: start from a template (in either language), then add, remove,
 * reorder and time the parts. The total is compared with the session's length as one types.
 */
export function AgendaEditor({ path, legend, rows, onChange, durationMinutes, errors }: AgendaEditorProps) {
  const { t } = useTranslation();
  const [template, setTemplate] = useState<AgendaTemplate>('supportCircle');
  const [templateLocale, setTemplateLocale] = useState<Locale>(currentLocale);
  const [applied, setApplied] = useState('');
  // After a move the moved row's button keeps the focus, wherever the row now is.
  const refocus = useRef<string | null>(null);
  const base = fieldId(path);

  useEffect(() => {
    if (!refocus.current) return;
    document.getElementById(refocus.current)?.focus();
    refocus.current = null;
  });

  const setFocus = (id: string) => {
    refocus.current = id;
  };
  const total = totalMinutes(rows);
  const hasContent = rows.some((r) => r.title.trim());
  const change = (index: number, patch: Partial<AgendaRow>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  function applyTemplate() {
    const word = i18n.getFixedT(templateLocale);
    const next = templateRows(template, (part) => word(`sessions.agenda.parts.${part}`));
    onChange(next);
    setApplied(t('sessions.agenda.applied', { name: t(`sessions.agenda.templates.${template}`, { minutes: templateMinutes(template) }) }));
  }

  function move(index: number, delta: -1 | 1) {
    const row = rows[index];
    if (!row) return;
    onChange(moveRow(rows, index, delta));
    const target = index + delta;
    const edge = target === 0 || target === rows.length - 1;
    // At an edge the button just used is disabled: keep the focus on its sibling.
    setFocus(`${base}-${row.key}-${edge ? (delta === -1 ? 'down' : 'up') : delta === -1 ? 'up' : 'down'}`);
  }

  function remove(index: number) {
    const next = rows.filter((_, i) => i !== index);
    onChange(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    setFocus(neighbour ? fieldId(`${path}.${Math.min(index, next.length - 1)}.title`) : `${base}-add`);
  }

  function add() {
    const key = newRowKey();
    onChange([...rows, { key, title: '', minutes: '10' }]);
    setFocus(fieldId(`${path}.${rows.length}.title`));
  }

  const label = (row: AgendaRow, n: number) => row.title.trim() || t('sessions.agenda.partN', { n });
  const listError = errors.field(path);

  return (
    <fieldset
      id={base}
      className={listError ? 'choices agenda-editor field-invalid' : 'choices agenda-editor'}
      aria-describedby={`${base}-hint${listError ? ` ${base}-error` : ''}`}
    >
      <legend>{legend}</legend>
      <p id={`${base}-hint`} className="hint">
        {t('sessions.agenda.hint')}
      </p>
      {listError && (
        <p id={`${base}-error`} className="field-error">
          {listError}
        </p>
      )}

      <div className="template-picker">
        <SelectField
          id={`${base}-template`}
          label={t('sessions.agenda.template')}
          value={template}
          onChange={(e) => setTemplate(e.target.value as AgendaTemplate)}
        >
          {AGENDA_TEMPLATE_NAMES.map((name) => (
            <option key={name} value={name}>
              {t(`sessions.agenda.templates.${name}`, { minutes: templateMinutes(name) })}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${base}-template-language`}
          label={t('sessions.agenda.templateLanguage')}
          value={templateLocale}
          onChange={(e) => setTemplateLocale(e.target.value as Locale)}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </SelectField>
        {hasContent ? (
          <ConfirmButton
            label={t('sessions.agenda.useTemplate')}
            title={t('sessions.agenda.replaceTitle')}
            body={t('sessions.agenda.replaceBody')}
            confirmLabel={t('sessions.agenda.replaceConfirm')}
            onConfirm={applyTemplate}
            className="button button-secondary"
          />
        ) : (
          <button type="button" className="button button-secondary" onClick={applyTemplate}>
            {t('sessions.agenda.useTemplate')}
          </button>
        )}
      </div>
      <p role="status" className="visually-hidden">
        {applied}
      </p>

      {rows.length === 0 ? (
        <p className="muted">{t('sessions.agenda.empty')}</p>
      ) : (
        <ol className="agenda-rows" data-testid="agenda-rows">
          {rows.map((row, index) => {
            const titleId = fieldId(`${path}.${index}.title`);
            const minutesId = fieldId(`${path}.${index}.minutes`);
            const name = label(row, index + 1);
            return (
              <li key={row.key} className="agenda-row">
                <TextField
                  id={titleId}
                  label={t('sessions.agenda.partN', { n: index + 1 })}
                  error={errors.field(`${path}.${index}.title`)}
                  value={row.title}
                  onChange={(e) => change(index, { title: e.target.value })}
                  maxLength={120}
                />
                <TextField
                  id={minutesId}
                  label={t('sessions.agenda.minutes')}
                  error={errors.field(`${path}.${index}.minutes`)}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={600}
                  step={1}
                  value={row.minutes}
                  onChange={(e) => change(index, { minutes: e.target.value })}
                />
                <div className="agenda-row-tools">
                  <button
                    type="button"
                    id={`${base}-${row.key}-up`}
                    className="icon-button"
                    aria-label={t('sessions.agenda.moveUp', { item: name })}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    id={`${base}-${row.key}-down`}
                    className="icon-button"
                    aria-label={t('sessions.agenda.moveDown', { item: name })}
                    disabled={index === rows.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="icon-button icon-button-danger"
                    aria-label={t('common.remove', { item: name })}
                    onClick={() => remove(index)}
                  >
                    ×
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <div className="actions">
        <button type="button" id={`${base}-add`} className="button button-secondary" onClick={add} disabled={rows.length >= 30}>
          {t('sessions.agenda.add')}
        </button>
      </div>
      <p
        className={durationMinutes != null && total > durationMinutes ? 'agenda-total agenda-total-over' : 'agenda-total'}
        data-testid="agenda-total"
        aria-live="polite"
      >
        {durationMinutes == null || durationMinutes <= 0
          ? t('sessions.agenda.total', { total })
          : total > durationMinutes
            ? t('sessions.agenda.over', { total, duration: durationMinutes, over: total - durationMinutes })
            : total === durationMinutes
              ? t('sessions.agenda.exact', { total, duration: durationMinutes })
              : t('sessions.agenda.spare', { total, duration: durationMinutes, left: durationMinutes - total })}
      </p>
    </fieldset>
  );
}
