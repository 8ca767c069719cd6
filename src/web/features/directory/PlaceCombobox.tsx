import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_LIMITS, type Place } from '../../../shared/directory.ts';
import type { GroupPlace } from '../../../shared/api/groups.schemas.ts';
import { formatPopulation, placeLabel } from './directory-format.ts';
import { PLACE_QUERY_MIN, usePlaces } from './directory-queries.ts';
import './place-combobox.css';

/** What the field shows as chosen: a town from the gazetteer, or one a group already has. */
type PlaceValue = Pick<GroupPlace, 'name' | 'countryCode' | 'latitude' | 'longitude'>;

function valueKey(value: PlaceValue | null): string {
  return value ? `${value.name}|${value.countryCode}|${value.latitude}|${value.longitude}` : '';
}

/** The typed text, once it has rested a moment: no request per keystroke. */
function useSettled(text: string, ms: number): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return settled;
}

interface PlaceComboboxProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  value: PlaceValue | null;
  onChange: (place: Place | null) => void;
  /** The text in the box, chosen or not (to warn about a town typed but never picked). */
  onTextChange?: (text: string) => void;
}

/**
 * A town picker over the offline gazetteer, after the WAI-ARIA combobox pattern with a list
 * and manual selection: typing lists matching towns (biggest first), Up and Down move
 * through them, Enter picks (the first one if none is highlighted), Escape closes the list
 * and, pressed again, clears the box. How many towns were found is announced.
 */
export function PlaceCombobox({ id, label, hint, error, optional, value, onChange, onTextChange }: PlaceComboboxProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const uid = useId();
  const listId = `${uid}-places`;
  const statusId = `${uid}-status`;
  const [text, setText] = useState(() => (value ? placeLabel(value, locale) : ''));
  const [shownKey, setShownKey] = useState(() => valueKey(value));
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  // A value set from outside (loaded from a shared link, cleared by "clear filters"): show it.
  if (valueKey(value) !== shownKey) {
    setShownKey(valueKey(value));
    setText(value ? placeLabel(value, locale) : '');
    setOpen(false);
    setActive(-1);
  }

  const settled = useSettled(text, 200);
  const chosenText = value ? placeLabel(value, locale) : null;
  const searching = open && settled.trim().length >= PLACE_QUERY_MIN && settled !== chosenText;
  const places = usePlaces(searching ? settled : '');
  const options = searching ? (places.data ?? []) : [];
  const expanded = open && options.length > 0;
  const activeId = expanded && active >= 0 && active < options.length ? `${listId}-${active}` : undefined;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  function type(next: string) {
    setText(next);
    onTextChange?.(next);
    setOpen(true);
    setActive(-1);
    // The text no longer names the chosen town: nothing is chosen until a town is picked.
    if (value) {
      setShownKey('');
      onChange(null);
    }
  }

  function choose(place: Place) {
    const label = placeLabel(place, locale);
    setText(label);
    onTextChange?.(label);
    setShownKey(valueKey(place));
    setOpen(false);
    setActive(-1);
    onChange(place);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = options.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        if (count > 0) setActive((i) => (i + 1) % count);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        if (count > 0) setActive((i) => (i <= 0 ? count - 1 : i - 1));
        break;
      case 'Enter':
        // Picking a town must not also submit the form around the field.
        if (expanded) {
          event.preventDefault();
          choose(options[active >= 0 ? active : 0]!);
        }
        break;
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          event.preventDefault();
          type('');
          setOpen(false);
        }
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  }

  let status = '';
  if (searching && !places.isPending) {
    status = options.length === 0 ? t('directory.place.none', { text: settled.trim() }) : t('directory.place.found', { count: options.length });
  }

  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

  return (
    <div className={error ? 'field field-invalid place-combobox' : 'field place-combobox'}>
      <label htmlFor={id} id={`${id}-label`}>
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
      <div className="combobox">
        <input
          id={id}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          autoComplete="off"
          spellCheck={false}
          maxLength={SEARCH_LIMITS.placeQuery}
          value={text}
          onChange={(e) => type(e.target.value)}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
          }}
        />
        <ul
          id={listId}
          role="listbox"
          aria-labelledby={`${id}-label`}
          className="combobox-list"
          hidden={!expanded}
          // Clicking an option must not blur the box first (that would close the list).
          onMouseDown={(e) => e.preventDefault()}
        >
          {options.map((place, i) => (
            <li
              key={place.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'combobox-option combobox-option-active' : 'combobox-option'}
              onClick={() => choose(place)}
            >
              <span className="combobox-option-name">{placeLabel(place, locale)}</span>{' '}
              <span className="combobox-option-detail">{t('directory.place.population', { population: formatPopulation(place.population, locale) })}</span>
            </li>
          ))}
        </ul>
      </div>
      <p id={statusId} className="visually-hidden" role="status">
        {status}
      </p>
    </div>
  );
}
