import type { Locale } from './locale.ts';

/**
 * Dates, times and zones as people read them, in one place for the web pages, e-mails,
 * calendars and documents: one locale mapping, one set of styles, cached formatters. Every
 * function names its zone; nothing here reads the zone of the machine it runs on.
 */

// English readers span continents: a 24-hour clock and day-month order read the same
// everywhere, where US conventions would puzzle most of them.
const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' };

/** The Intl locale our language is written with (`en` → `en-GB`); another tag is used as is. */
export function intlLocale(locale: string): string {
  return Object.hasOwn(INTL_LOCALE, locale) ? INTL_LOCALE[locale as Locale] : locale;
}

/**
 * - `full`: "Tuesday 9 March 2027 at 19:00" / « mardi 9 mars 2027 à 19:00 »
 * - `weekdayDate`: "Tuesday 9 March" / « mardi 9 mars »
 * - `longDate`: "9 March 2027" / « 9 mars 2027 »
 * - `longDateTime`: "9 March 2027 at 19:00" / « 9 mars 2027 à 19:00 »
 * - `time`: "19:00"
 */
export type InstantStyle = 'full' | 'weekdayDate' | 'longDate' | 'longDateTime' | 'time';

const STYLES: Record<InstantStyle, Intl.DateTimeFormatOptions> = {
  full: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  weekdayDate: { weekday: 'long', day: 'numeric', month: 'long' },
  longDate: { day: 'numeric', month: 'long', year: 'numeric' },
  longDateTime: { dateStyle: 'long', timeStyle: 'short' },
  time: { hour: '2-digit', minute: '2-digit' },
};

// Building an Intl formatter costs ~90 µs; pages and mail runs format many dates, so keep them.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, style: InstantStyle | 'weekdayLong' | 'weekdayShort'): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = style === 'weekdayLong' ? { weekday: 'long' } : style === 'weekdayShort' ? { weekday: 'short' } : STYLES[style];
    try {
      f = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone });
    } catch {
      // A zone this runtime does not know (an older browser): its own clock rather than no page.
      f = new Intl.DateTimeFormat(intlLocale(locale), options);
    }
    formatters.set(key, f);
  }
  return f;
}

/** An instant on the clock of `timeZone`, in `locale`, in one of the styles above. */
export function formatInstant(instant: number | Date, locale: string, timeZone: string, style: InstantStyle): string {
  return formatter(locale, timeZone, style).format(instant);
}

/** A calendar date `YYYY-MM-DD` in words ("30 June 2027", « 30 juin 2027 »), no zone involved. */
export function formatCalendarDate(date: string, locale: string): string {
  const ms = Date.parse(`${date}T12:00:00Z`);
  return Number.isNaN(ms) ? date : formatter(locale, 'UTC', 'longDate').format(ms);
}

/** 1 January 2023 was a Sunday, at noon UTC so that no offset moves it. */
const SUNDAY = Date.UTC(2023, 0, 1, 12);

/** A day of the week by number, 0 = Sunday as in the API: "Tuesday" / « mardi », or "Tue" / « mar. ». */
export function weekdayName(day: number, locale: string, width: 'long' | 'short' = 'long'): string {
  return formatter(locale, 'UTC', width === 'long' ? 'weekdayLong' : 'weekdayShort').format(SUNDAY + day * 86_400_000);
}

/** "Europe/Paris" → "Paris", "America/St_Johns" → "St Johns". */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}

/** Whether two zones' clocks read the same date and time at `instant`. */
export function sameWallClock(instant: number, zone: string, otherZone: string): boolean {
  return formatInstant(instant, 'en', zone, 'full') === formatInstant(instant, 'en', otherZone, 'full');
}

/**
 * `instant` on another zone's clock, for a reader who sees it on `zone`'s: the time alone when
 * it is the same day there, the full date otherwise; null when both clocks read the same.
 */
export function otherClock(instant: number, locale: string, zone: string, otherZone: string): { text: string; city: string } | null {
  if (sameWallClock(instant, zone, otherZone)) return null;
  const sameDay = formatInstant(instant, 'en', zone, 'longDate') === formatInstant(instant, 'en', otherZone, 'longDate');
  return { text: formatInstant(instant, locale, otherZone, sameDay ? 'time' : 'full'), city: zoneCity(otherZone) };
}

const YOUR_TIME: Record<Locale, string> = { en: 'your time', fr: 'votre heure' };

/**
 * The time on the group's clock, then, when the viewer lives elsewhere, on theirs:
 * "Tuesday 9 March 2027 at 19:00 (Paris) · 13:00 your time (Montreal)".
 */
export function formatWhen(instant: number, locale: Locale, groupZone: string, viewerZone: string): string {
  const here = `${formatInstant(instant, locale, groupZone, 'full')} (${zoneCity(groupZone)})`;
  const theirs = otherClock(instant, locale, groupZone, viewerZone);
  return theirs ? `${here} · ${theirs.text} ${YOUR_TIME[locale]} (${theirs.city})` : here;
}
