import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../shared/datetime-format.ts';
import { browserTimeZone } from './time-zones.ts';

const languageNames = new Map<string, Intl.DisplayNames>();

/**
 * Formats ISO instants in the viewer's language and zone (the account's zone when signed
 * in, else the browser's).
 */
export function useFormatInstant(viewerTimeZone: string | null | undefined) {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  const zone = viewerTimeZone ?? browserTimeZone();
  return useMemo(
    () => ({
      /** "3 December 2026 at 14:05" / « 3 décembre 2026 à 14:05 ». */
      dateTime: (iso: string) => formatInstant(Date.parse(iso), locale, zone, 'longDateTime'),
      /** "3 December 2026" / « 3 décembre 2026 ». */
      date: (iso: string) => formatInstant(Date.parse(iso), locale, zone, 'longDate'),
    }),
    [locale, zone],
  );
}

/** A language's name in the interface language (`pt-BR` → “Brazilian Portuguese”). */
export function languageName(code: string, uiLocale: string): string {
  let names = languageNames.get(uiLocale);
  if (!names) {
    names = new Intl.DisplayNames([uiLocale], { type: 'language', fallback: 'code' });
    languageNames.set(uiLocale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Joins items the way the language does (“a, b and c” / « a, b et c »). */
export function formatList(items: string[], uiLocale: string): string {
  return new Intl.ListFormat(uiLocale, { style: 'long', type: 'conjunction' }).format(items);
}
