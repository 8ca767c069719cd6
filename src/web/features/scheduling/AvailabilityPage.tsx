import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { CheckboxGroup } from '../../components/Field.tsx';
import { fieldId, formErrors } from '../../components/form-errors.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { TimeZoneSelect } from '../../components/TimeZoneSelect.tsx';
import { formatInstant } from '../../../shared/datetime-format.ts';
import { languageName } from '../../i18n/format.ts';
import { RequireSignIn } from '../accounts/RequireSignIn.tsx';
import type { User } from '../../../shared/api/accounts.schemas.ts';
import { PARTICIPATION_MODES, type ParticipationMode } from '../../../shared/scheduling.ts';
import type { Availability, WeeklyWindow } from '../../../shared/api/scheduling.schemas.ts';
import { clockMinutes, dayName, hourLabel, WEEK_ORDER } from './scheduling-format.ts';
import { useMyAvailability, useSaveAvailability } from './scheduling-queries.ts';
import './scheduling.css';

const COMMON_LANGUAGES = ['en', 'fr', 'es', 'de', 'it', 'pt', 'nl', 'ar', 'zh', 'hi', 'ru', 'uk', 'pl', 'tr', 'ja', 'ko'];

interface WindowRow extends WeeklyWindow {
  key: number;
}

let nextKey = 1;
const row = (w: WeeklyWindow): WindowRow => ({ ...w, key: nextKey++ });

/** Which of the week's 168 hours (day × 24 + hour, day 0 = Sunday) a window touches. */
function coveredHours(windows: readonly WeeklyWindow[]): Set<number> {
  const hours = new Set<number>();
  for (const w of windows) {
    const start = clockMinutes(w.start);
    const end = clockMinutes(w.end);
    if (start === null || end === null || start === end || w.day < 0 || w.day > 6) continue;
    const length = end > start ? end - start : end + 1440 - start;
    const from = w.day * 1440 + start;
    for (let m = from; m < from + length; m += 15) hours.add(Math.floor((m % (7 * 1440)) / 60));
  }
  return hours;
}

function WeekPreview({ windows, timeZone }: { windows: readonly WeeklyWindow[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const hours = useMemo(() => coveredHours(windows), [windows]);
  return (
    <section className="section" aria-labelledby="week-preview-title">
      <h2 id="week-preview-title">{t('scheduling.availability.gridTitle')}</h2>
      <p className="hint">{t('scheduling.availability.gridHint', { zone: timeZone.replace(/_/g, ' ') })}</p>
      {/* A picture of the list above, which is what screen readers use. */}
      <div className="week-preview" aria-hidden="true" data-testid="week-preview">
        <span className="week-preview-corner" />
        {WEEK_ORDER.map((day) => (
          <span key={day} className="week-preview-day">
            {dayName(day, i18n.language, 'short')}
          </span>
        ))}
        {Array.from({ length: 24 }, (_, hour) => (
          <WeekPreviewRow key={hour} hour={hour} hours={hours} />
        ))}
      </div>
    </section>
  );
}

function WeekPreviewRow({ hour, hours }: { hour: number; hours: Set<number> }) {
  return (
    <>
      <span className="week-preview-hour">{hour % 3 === 0 ? hourLabel(hour) : ''}</span>
      {WEEK_ORDER.map((day) => (
        <span key={day} className={hours.has(day * 24 + hour) ? 'week-preview-cell is-on' : 'week-preview-cell'} />
      ))}
    </>
  );
}

function AvailabilityForm({ user, saved }: { user: User; saved: Availability | null }) {
  const { t, i18n } = useTranslation();
  const save = useSaveAvailability();
  const [timeZone, setTimeZone] = useState(saved?.timeZone ?? user.timeZone);
  const [windows, setWindows] = useState<WindowRow[]>(() => (saved?.windows ?? []).map(row));
  const [languages, setLanguages] = useState<string[]>(saved?.languages ?? [user.locale]);
  const [modes, setModes] = useState<ParticipationMode[]>(saved?.modes ?? []);
  const [justSaved, setJustSaved] = useState(false);

  const labels = {
    timeZone: t('scheduling.availability.timeZone'),
    windows: t('scheduling.availability.windows'),
    languages: t('scheduling.availability.languages'),
    modes: t('scheduling.availability.modes'),
  };
  const errors = formErrors(save.error, labels);
  const issues = isApiError(save.error) ? save.error.issues : [];
  const windowError = (index: number, part: 'day' | 'start' | 'end') => {
    const messages = issues.filter((i) => i.path === `windows.${index}.${part}` || (part === 'end' && i.path === `windows.${index}`)).map((i) => i.message);
    return messages.length > 0 ? messages.join(' ') : undefined;
  };

  const offered = [...COMMON_LANGUAGES, ...languages.filter((code) => !COMMON_LANGUAGES.includes(code))];
  const update = (key: number, patch: Partial<WeeklyWindow>) => {
    setJustSaved(false);
    setWindows((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setJustSaved(false);
    save.mutate(
      { timeZone, windows: windows.map(({ day, start, end }) => ({ day, start, end })), languages, modes: modes.length > 0 ? modes : null },
      {
        onSuccess: (availability) => {
          setWindows(availability.windows.map(row));
          setJustSaved(true);
        },
      },
    );
  };

  return (
    <>
      <form className="form" noValidate onSubmit={submit} data-testid="availability-form">
        <ErrorSummary errors={errors} />
        {justSaved && (
          <p className="callout callout-success" role="status">
            {t('scheduling.availability.saved')}
          </p>
        )}
        <TimeZoneSelect
          id={fieldId('timeZone')}
          label={labels.timeZone}
          hint={t('scheduling.availability.timeZoneHint')}
          error={errors.field('timeZone')}
          value={timeZone}
          onChange={(zone) => {
            setJustSaved(false);
            setTimeZone(zone);
          }}
        />

        <fieldset id={fieldId('windows')} className={errors.field('windows') ? 'choices field-invalid' : 'choices'} aria-describedby="windows-hint">
          <legend>{labels.windows}</legend>
          <p id="windows-hint" className="hint">
            {t('scheduling.availability.windowsHint')}
          </p>
          {windows.length === 0 ? (
            <p className="empty">{t('scheduling.availability.noWindows')}</p>
          ) : (
            <ol className="window-list" data-testid="window-list">
              {windows.map((w, index) => {
                const number = index + 1;
                const base = `window-${w.key}`;
                const startMin = clockMinutes(w.start);
                const endMin = clockMinutes(w.end);
                const overnight = startMin !== null && endMin !== null && endMin < startMin;
                return (
                  <li key={w.key} className="window-row" data-testid="window-row">
                    <fieldset className="window-fields">
                      <legend className="window-legend">{t('scheduling.availability.windowNumber', { number })}</legend>
                      {(['day', 'start', 'end'] as const).map((part) => {
                        const id = `${base}-${part}`;
                        const error = windowError(index, part);
                        return (
                          <div key={part} className={error ? 'field field-invalid' : 'field'}>
                            <label htmlFor={id}>{t(`scheduling.availability.${part}`)}</label>
                            {error && (
                              <p id={`${id}-error`} className="field-error">
                                {error}
                              </p>
                            )}
                            {part === 'day' ? (
                              <select
                                id={id}
                                value={w.day}
                                onChange={(e) => update(w.key, { day: Number(e.target.value) })}
                                aria-invalid={error ? true : undefined}
                                aria-describedby={error ? `${id}-error` : undefined}
                              >
                                {WEEK_ORDER.map((day) => (
                                  <option key={day} value={day}>
                                    {dayName(day, i18n.language)}
                                  </option>
                                ))}
                              </select>
                            ) : (
                              <input
                                id={id}
                                type="time"
                                step={900}
                                value={w[part]}
                                onChange={(e) => update(w.key, { [part]: e.target.value })}
                                aria-invalid={error ? true : undefined}
                                aria-describedby={
                                  [error ? `${id}-error` : '', part === 'end' && overnight ? `${base}-overnight` : ''].filter(Boolean).join(' ') || undefined
                                }
                              />
                            )}
                            {part === 'end' && overnight && (
                              <p id={`${base}-overnight`} className="hint">
                                {t('scheduling.availability.crossesMidnight', { end: w.end })}
                              </p>
                            )}
                          </div>
                        );
                      })}
                      <button
                        type="button"
                        className="button button-quiet window-remove"
                        onClick={() => {
                          setJustSaved(false);
                          setWindows((rows) => rows.filter((r) => r.key !== w.key));
                        }}
                      >
                        {t('scheduling.availability.remove', { number })}
                      </button>
                    </fieldset>
                  </li>
                );
              })}
            </ol>
          )}
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setJustSaved(false);
              const last = windows.at(-1);
              setWindows((rows) => [
                ...rows,
                row(last ? { day: (last.day + 1) % 7, start: last.start, end: last.end } : { day: 1, start: '18:00', end: '21:00' }),
              ]);
            }}
          >
            {t('scheduling.availability.add')}
          </button>
        </fieldset>

        <CheckboxGroup
          id={fieldId('languages')}
          legend={labels.languages}
          error={errors.field('languages')}
          className="choices-columns"
          values={languages}
          onChange={(next) => {
            setJustSaved(false);
            setLanguages(next);
          }}
          choices={offered.map((code) => ({ value: code, label: languageName(code, i18n.language) }))}
        />
        <CheckboxGroup
          id={fieldId('modes')}
          legend={labels.modes}
          hint={t('scheduling.availability.modesHint')}
          error={errors.field('modes')}
          values={modes}
          onChange={(next) => {
            setJustSaved(false);
            setModes(next);
          }}
          choices={PARTICIPATION_MODES.map((m) => ({ value: m, label: t(`sessions.modes.${m}`) }))}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {t('scheduling.availability.save')}
          </button>
        </div>
      </form>
      <WeekPreview windows={windows} timeZone={timeZone} />
    </>
  );
}

function Availability({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const availability = useMyAvailability();
  const title = t('scheduling.availability.title');
  return (
    <div className="reading">
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('scheduling.availability.intro')}</p>
      {availability.isPending ? (
        <Loading />
      ) : availability.isError ? (
        <LoadError error={availability.error} onRetry={() => void availability.refetch()} />
      ) : (
        <>
          <p className="muted" data-testid="availability-status">
            {availability.data
              ? t('scheduling.availability.lastSaved', { when: formatInstant(Date.parse(availability.data.updatedAt), i18n.language, user.timeZone, 'full') })
              : t('scheduling.availability.notYet')}
          </p>
          <AvailabilityForm user={user} saved={availability.data} />
        </>
      )}
    </div>
  );
}

/** `/me/availability`: the member's weekly windows, languages and ways of taking part. */
export function AvailabilityPage() {
  return <RequireSignIn>{(user) => <Availability user={user} />}</RequireSignIn>;
}
