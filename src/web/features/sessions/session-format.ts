import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocale, type Locale } from '../../../shared/locale.ts';
import { formatInstant, formatWhen, weekdayName as dayOfWeekName } from '../../../shared/datetime-format.ts';
import { browserTimeZone } from '../../i18n/time-zones.ts';
import { useMe } from '../accounts/session.ts';
import { WEEKDAYS, type Weekday } from './repeat-rule.ts';

/** Whose clock times are read on: the signed-in account's zone, else this browser's. */
export function useViewerZone(): string {
  const me = useMe();
  return me.data?.timeZone ?? browserTimeZone();
}

/** "Tuesday" / « mardi ». */
export function weekdayName(day: Weekday, locale: string): string {
  // WEEKDAYS starts on Monday; the shared numbering starts on Sunday (0).
  return dayOfWeekName((WEEKDAYS.indexOf(day) + 1) % 7, locale);
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
