import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocale, type Locale } from '../../../shared/locale.ts';
import { formatInstant, formatWhen, zoneCity } from '../../../shared/when.ts';
import { browserTimeZone } from '../../i18n/time-zones.ts';
import { useMe } from '../accounts/session.ts';
import { WEEKDAYS, type Weekday } from './repeat-rule.ts';

/** Whose clock times are read on: the signed-in account's zone, else this browser's. */
export function useViewerZone(): string {
  const me = useMe();
  return me.data?.timeZone ?? browserTimeZone();
}

// The same conventions as shared/when.ts: 24-hour clock and day-month order in English.
const INTL_LOCALE: Record<string, string> = { en: 'en-GB', fr: 'fr-FR' };
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(locale: string, options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  const cacheKey = `${locale}|${key}`;
  let f = dayFormatters.get(cacheKey);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale] ?? locale, { ...options, timeZone: 'UTC' });
    dayFormatters.set(cacheKey, f);
  }
  return f;
}

/** A calendar date `YYYY-MM-DD` in words ("30 June 2027", « 30 juin 2027 »), no zone involved. */
export function formatDay(date: string, locale: string): string {
  const ms = Date.parse(`${date}T12:00:00Z`);
  return Number.isNaN(ms) ? date : dayFormatter(locale, { day: 'numeric', month: 'long', year: 'numeric' }, 'day').format(ms);
}

/** "Tuesday" / « mardi ». */
export function weekdayName(day: Weekday, locale: string): string {
  // 1 January 2024 was a Monday.
  return dayFormatter(locale, { weekday: 'long' }, 'weekday').format(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day)));
}

/**
 * Times as every page shows them: on the session's clock, with the viewer's own beside it
 * when they live elsewhere ("Tuesday 12 January 2027 at 19:00 (Paris) · 13:00 your time
 * (Montreal)").
 */
export function useWhen() {
  const { i18n } = useTranslation();
  const viewerZone = useViewerZone();
  const locale: Locale = isLocale(i18n.language) ? i18n.language : 'en';
  return useMemo(
    () => ({
      viewerZone,
      locale,
      /** An ISO instant of a session held in `zone`. */
      when: (iso: string, zone: string) => formatWhen(Date.parse(iso), locale, zone, viewerZone),
      /** "Tuesday 12 January 2027 at 19:00" in `zone`, no zone name. */
      full: (iso: string, zone: string) => formatInstant(Date.parse(iso), locale, zone, 'full'),
    }),
    [viewerZone, locale],
  );
}

export { zoneCity };
