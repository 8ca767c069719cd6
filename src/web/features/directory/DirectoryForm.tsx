import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { parseNear, SEARCH_LIMITS, type Place } from '../../../shared/directory.ts';
import { LEADERSHIPS, LIMITS, MODES } from '../../../shared/limits.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { CheckboxGroup, SelectField, TextField } from '../../components/Field.tsx';
import { fieldId, formErrors, localErrors, type FormErrors } from '../../components/form-errors.ts';
import { TimeZoneSelect } from '../../components/TimeZoneSelect.tsx';
import { isApiError } from '../../api/client.ts';
import { languageName } from '../../i18n/format.ts';
import { browserTimeZone } from '../../i18n/time-zones.ts';
import { dayName, WEEK_ORDER } from '../scheduling/scheduling-format.ts';
import { activeFilterCount, hasTimeFilter, nearFromPosition, RADII_KM, searchFromFilters, type DirectoryFilters } from './directory-params.ts';
import { usePlace } from './directory-queries.ts';
import { PlaceCombobox } from './PlaceCombobox.tsx';

/** Offered as filters; a language in a shared link is offered too. */
const COMMON_LANGUAGES = ['en', 'fr', 'es', 'de', 'it', 'pt', 'nl', 'ar', 'zh', 'hi', 'ru', 'pl'];

type Locating = 'idle' | 'locating' | 'found' | 'denied' | 'unavailable' | 'unsupported';

/**
 * Wide screens show the filters beside the results; phones start with them folded (their
 * summary says how many are on), so that the results are not a long scroll away.
 */
function startsOpen(): boolean {
  try {
    return window.matchMedia('(min-width: 60rem)').matches;
  } catch {
    return true;
  }
}

function useFieldLabels() {
  const { t } = useTranslation();
  return {
    'query.q': t('directory.form.words'),
    'query.language': t('directory.form.languages'),
    'query.mode': t('directory.form.modes'),
    'query.leaderType': t('directory.form.leaderTypes'),
    'query.topic': t('directory.form.topic'),
    'query.day': t('directory.form.days'),
    'query.from': t('directory.form.from'),
    'query.to': t('directory.form.to'),
    'query.tz': t('directory.form.timeZone'),
    'query.near': t('directory.form.near'),
    'query.radiusKm': t('directory.form.radius'),
    'query.sort': t('directory.results.sortLabel'),
  };
}

interface DirectoryFormProps {
  filters: DirectoryFilters;
  /** A refused search (400): its issues are shown on the fields they concern. */
  searchError: unknown;
  onSearch: (filters: DirectoryFilters) => void;
}

/**
 * The search: words, then filters (language, way of taking part, leader type, topic, days
 * and hours on one's own clock, distance from a town or from where one is). Nothing runs
 * until the form is sent, so the page never changes under someone still choosing.
 */
export function DirectoryForm({ filters, searchError, onSearch }: DirectoryFormProps) {
  const { t, i18n } = useTranslation();
  const labels = useFieldLabels();
  const [draft, setDraft] = useState(filters);
  const [zone, setZone] = useState(filters.tz ?? browserTimeZone());
  const [seen, setSeen] = useState(filters);
  const [open, setOpen] = useState(startsOpen);
  const [placeText, setPlaceText] = useState('');
  const [picked, setPicked] = useState<Place | null>(null);
  const [locating, setLocating] = useState<Locating>('idle');
  const [local, setLocal] = useState<FormErrors | null>(null);

  // The address changed (back button, a link, the form's own search): show what it asks.
  if (filters !== seen) {
    setSeen(filters);
    setDraft(filters);
    setZone(filters.tz ?? browserTimeZone());
    setLocal(null);
    setPlaceText('');
  }

  const change = (patch: Partial<DirectoryFilters>) => setDraft((d) => ({ ...d, ...patch }));
  const near = parseNear(draft.near);
  const placeId = near && 'placeId' in near ? near.placeId : null;
  const storedPlace = usePlace(picked?.id === placeId ? null : placeId);
  const place = placeId === null ? null : picked?.id === placeId ? picked : (storedPlace.data ?? null);
  const position = near && 'latitude' in near ? near : null;

  const refused = isApiError(searchError, 400) ? searchError : null;
  const errors = local ?? formErrors(refused, labels);
  const filterCount = activeFilterCount(filters);
  const languages = [...COMMON_LANGUAGES, ...draft.languages.filter((l) => !COMMON_LANGUAGES.includes(l.toLowerCase()))];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (placeText.trim() && draft.near === null) {
      setLocal(localErrors([{ path: 'query.near', label: labels['query.near'], message: t('directory.place.pickOne') }]));
      return;
    }
    setLocal(null);
    // The clock is part of the address when it matters: a shared "evenings" means the sender's.
    const tz = hasTimeFilter(draft) || zone !== browserTimeZone() ? zone : null;
    const sort = draft.sort === 'distance' && !draft.near ? null : draft.sort;
    onSearch({ ...draft, tz, sort, page: 1 });
  }

  function locate() {
    if (!('geolocation' in navigator)) {
      setLocating('unsupported');
      return;
    }
    setLocating('locating');
    navigator.geolocation.getCurrentPosition(
      (found) => {
        setPicked(null);
        setPlaceText('');
        change({ near: nearFromPosition(found.coords.latitude, found.coords.longitude) });
        setLocating('found');
      },
      (failure) => setLocating(failure.code === failure.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: false, timeout: 20_000, maximumAge: 10 * 60_000 },
    );
  }

  function pickPlace(chosen: Place | null) {
    setPicked(chosen);
    if (chosen) setLocating('idle');
    // Emptying the box forgets the town; typing over it too, until another is picked.
    change({ near: chosen ? String(chosen.id) : null });
  }

  const radii = RADII_KM.includes(draft.radiusKm as (typeof RADII_KM)[number]) ? RADII_KM : [...RADII_KM, draft.radiusKm].sort((a, b) => a - b);

  return (
    <form role="search" aria-label={t('directory.form.label')} className="form directory-form" noValidate onSubmit={submit} data-testid="directory-form">
      <ErrorSummary errors={errors} />
      <div className="directory-words">
        <TextField
          id={fieldId('query.q')}
          type="search"
          label={labels['query.q']}
          hint={t('directory.form.wordsHint')}
          error={errors.field('query.q')}
          value={draft.q}
          maxLength={SEARCH_LIMITS.query}
          enterKeyHint="search"
          onChange={(e) => change({ q: e.target.value })}
        />
        <button type="submit" className="button">
          {t('directory.form.search')}
        </button>
      </div>

      {/* A problem with a filter opens them: the summary's links lead into the panel. */}
      <details className="directory-filters" open={open || errors.items.length > 0} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{filterCount > 0 ? t('directory.form.filtersOn', { count: filterCount }) : t('directory.form.filters')}</summary>
        <div className="directory-filter-body">
          <CheckboxGroup
            id={fieldId('query.language')}
            legend={labels['query.language']}
            hint={t('directory.form.languagesHint')}
            error={errors.field('query.language')}
            values={draft.languages}
            onChange={(values) => change({ languages: values })}
            className="choices-columns"
            choices={languages.map((code) => ({ value: code, label: languageName(code, i18n.language) }))}
          />
          <CheckboxGroup
            id={fieldId('query.mode')}
            legend={labels['query.mode']}
            error={errors.field('query.mode')}
            values={draft.modes}
            onChange={(modes) => change({ modes })}
            choices={MODES.map((m) => ({ value: m, label: t(`enums.mode.${m}`) }))}
          />
          <CheckboxGroup
            id={fieldId('query.leaderType')}
            legend={labels['query.leaderType']}
            error={errors.field('query.leaderType')}
            values={draft.leaderTypes}
            onChange={(leaderTypes) => change({ leaderTypes })}
            choices={LEADERSHIPS.map((l) => ({ value: l, label: t(`enums.leaderType.${l}`), help: t(`enums.leadershipHelp.${l}`) }))}
          />
          <TextField
            id={fieldId('query.topic')}
            label={labels['query.topic']}
            hint={t('directory.form.topicHint')}
            error={errors.field('query.topic')}
            value={draft.topic}
            maxLength={LIMITS.topic}
            onChange={(e) => change({ topic: e.target.value })}
          />

          <fieldset className="choices directory-when">
            <legend>{t('directory.form.when')}</legend>
            <p className="hint">{t('directory.form.whenHint')}</p>
            <CheckboxGroup
              id={fieldId('query.day')}
              legend={labels['query.day']}
              error={errors.field('query.day')}
              values={draft.days.map(String)}
              onChange={(values) => change({ days: values.map(Number) })}
              className="choices-columns directory-days"
              choices={WEEK_ORDER.map((d) => ({ value: String(d), label: dayName(d, i18n.language) }))}
            />
            <div className="directory-hours">
              <TextField
                id={fieldId('query.from')}
                type="time"
                label={labels['query.from']}
                error={errors.field('query.from')}
                value={draft.from}
                onChange={(e) => change({ from: e.target.value })}
              />
              <TextField
                id={fieldId('query.to')}
                type="time"
                label={labels['query.to']}
                error={errors.field('query.to')}
                value={draft.to === '24:00' ? '' : draft.to}
                onChange={(e) => change({ to: e.target.value })}
              />
            </div>
            <p className="hint">{t('directory.form.hoursHint')}</p>
            <TimeZoneSelect
              id={fieldId('query.tz')}
              label={labels['query.tz']}
              hint={t('directory.form.timeZoneHint')}
              error={errors.field('query.tz')}
              value={zone}
              onChange={setZone}
            />
          </fieldset>

          <fieldset className="choices directory-distance">
            <legend>{t('directory.form.distance')}</legend>
            <PlaceCombobox
              id={fieldId('query.near')}
              label={labels['query.near']}
              hint={t('directory.form.nearHint')}
              error={errors.field('query.near')}
              value={place}
              onChange={pickPlace}
              onTextChange={setPlaceText}
            />
            <div className="directory-locate">
              <button type="button" className="button button-secondary" onClick={locate} disabled={locating === 'locating'}>
                {t('directory.form.useLocation')}
              </button>
              {position && (
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => {
                    change({ near: null });
                    setLocating('idle');
                  }}
                >
                  {t('directory.form.forgetLocation')}
                </button>
              )}
            </div>
            <p
              className={
                locating === 'denied' || locating === 'unavailable' || locating === 'unsupported' ? 'field-error directory-locating' : 'hint directory-locating'
              }
              role="status"
              data-testid="locating"
            >
              {locating !== 'idle' && locating !== 'found'
                ? t(`directory.locating.${locating}`)
                : position
                  ? t('directory.locating.using', { latitude: position.latitude, longitude: position.longitude })
                  : ''}
            </p>
            <SelectField
              id={fieldId('query.radiusKm')}
              label={labels['query.radiusKm']}
              error={errors.field('query.radiusKm')}
              value={String(draft.radiusKm)}
              onChange={(e) => change({ radiusKm: Number(e.target.value) })}
              className="input-short"
            >
              {radii.map((km) => (
                <option key={km} value={km}>
                  {t('directory.form.radiusValue', { km })}
                  {km === SEARCH_LIMITS.radiusKmDefault ? ` ${t('directory.form.default')}` : ''}
                </option>
              ))}
            </SelectField>
          </fieldset>

          <div className="actions">
            <button type="submit" className="button">
              {t('directory.form.apply')}
            </button>
            {searchFromFilters(filters).toString() !== '' && (
              <Link className="button button-secondary" to="/groups">
                {t('directory.form.clear')}
              </Link>
            )}
          </div>
        </div>
      </details>
    </form>
  );
}
