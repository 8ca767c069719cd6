import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { allTimeZones } from '../i18n/time-zones.ts';
import { SelectField, TextField } from './Field.tsx';

/** Zones are shown as `Europe/Paris`, readable and searchable as "Paris". */
function zoneLabel(zone: string): string {
  return zone.replace(/_/g, ' ');
}

/**
 * A time-zone picker: the select holds the ~400 IANA zones; a search box below narrows it
 * and picks the first match. The current value always stays listed.
 */
export function TimeZoneSelect({
  id,
  label,
  hint,
  error,
  value,
  onChange,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (zone: string) => void;
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const options = useMemo(() => {
    const needle = filter.trim().toLowerCase().replace(/\s+/g, '_');
    const zones = allTimeZones();
    const matching = needle ? zones.filter((z) => z.toLowerCase().includes(needle)) : zones;
    return value && !matching.includes(value) ? [value, ...matching] : matching;
  }, [filter, value]);

  return (
    <div className="time-zone-picker">
      <SelectField id={id} label={label} hint={hint} error={error} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((zone) => (
          <option key={zone} value={zone}>
            {zoneLabel(zone)}
          </option>
        ))}
      </SelectField>
      <TextField
        id={`${id}-filter`}
        label={t('account.timeZoneFilter')}
        hint={t('account.timeZoneFilterHint')}
        type="search"
        value={filter}
        autoComplete="off"
        onChange={(e) => {
          const next = e.target.value;
          setFilter(next);
          // Picking the first match as one types makes the filter box enough on its own.
          const needle = next.trim().toLowerCase().replace(/\s+/g, '_');
          const first = needle ? allTimeZones().find((z) => z.toLowerCase().includes(needle)) : undefined;
          if (first) onChange(first);
        }}
      />
    </div>
  );
}
