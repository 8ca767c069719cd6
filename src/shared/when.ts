/**
 * "mardi 9 mars, 19:00 (Paris) · 13:00 your time (Montréal)": a session's time in the
 * viewer's zone with the group's zone beside it. Intl formatters cost ~90 µs to build, so
 * they are cached per locale and zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

// English readers span continents: a 24-hour clock and day-month order read the same
// everywhere, where US conventions would puzzle most of them.
const INTL_LOCALE: Record<string, string> = { en: 'en-GB', fr: 'fr-FR' };

function formatter(locale: string, timeZone: string, kind: 'full' | 'time' | 'date'): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${kind}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'full'
        ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }
        : kind === 'time'
          ? { hour: '2-digit', minute: '2-digit', timeZone }
          : { weekday: 'long', day: 'numeric', month: 'long', timeZone };
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale] ?? locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** "Europe/Paris" → "Paris", "America/St_Johns" → "St Johns". */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}

export function formatInstant(instant: number | Date, locale: string, timeZone: string, kind: 'full' | 'time' | 'date' = 'full'): string {
  return formatter(locale, timeZone, kind).format(instant);
}

const YOUR_TIME: Record<string, string> = { en: 'your time', fr: 'votre heure' };

/**
 * The time on the group's clock, then, when the viewer lives elsewhere, on theirs:
 * "Tuesday 9 March 2027, 19:00 (Paris) · 13:00 your time (Montreal)".
 */
export function formatWhen(instant: number, locale: string, groupZone: string, viewerZone: string): string {
  const here = `${formatInstant(instant, locale, groupZone)} (${zoneCity(groupZone)})`;
  if (formatInstant(instant, 'en', groupZone) === formatInstant(instant, 'en', viewerZone)) return here;
  const sameDay = formatInstant(instant, 'en', groupZone, 'date') === formatInstant(instant, 'en', viewerZone, 'date');
  const theirs = formatInstant(instant, locale, viewerZone, sameDay ? 'time' : 'full');
  return `${here} · ${theirs} ${YOUR_TIME[locale] ?? YOUR_TIME.en} (${zoneCity(viewerZone)})`;
}
